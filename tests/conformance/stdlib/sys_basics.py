# Pins: portable parts of the sys module: version_info, argv, path[0], modules, flags, getrecursionlimit, intern, exc_info, stdout attributes, implementation fields.
import sys
print(sys.version_info[:2] >= (3, 14), sys.version_info.major, type(sys.version_info).__name__, isinstance(sys.version, str))
print(sys.hexversion >= 0x030E0000, sys.api_version > 0, sys.byteorder in ("little", "big"))
print([a.rsplit("/", 1)[-1] for a in sys.argv])
print(sys.path[0].endswith("stdlib"), "sys" in sys.modules, "builtins" in sys.builtin_module_names, "sys" in sys.builtin_module_names)
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.flags.utf8_mode, sys.flags.optimize)
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding, sys.stdout.errors, sys.stderr.errors)
print(sys.stdout.isatty(), sys.stdin.isatty(), sys.stdout.writable(), sys.stdin.readable(), sys.stdout.name, sys.stderr.name)
print(sys.__stdout__ is sys.stdout, sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
a = sys.intern("spam" * 2)
print(a is sys.intern("spamspam"))
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
print(sys.exc_info(), sys.exception())
print(type(sys.implementation.name).__name__, sys.implementation.version[:2] == sys.version_info[:2], hasattr(sys.implementation, "cache_tag"))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_repr_style)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.algorithm in ("siphash13", "siphash24", "fnv"))
print(callable(sys.getrefcount), callable(sys.getsizeof), callable(sys.settrace), callable(sys.setprofile))
print(sys.is_finalizing(), sys.displayhook.__name__, sys.excepthook.__name__, sys.__excepthook__ is sys.excepthook)
sys.stdout.write("written directly\n")
n = sys.stdout.write("count me\n")
print(n)
print(sys.maxunicode, sys.dont_write_bytecode in (True, False), sys.orig_argv[-1].endswith("sys_basics.py"))
print(sys.flags.dev_mode, sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_site, sys.flags.bytes_warning)
print(sys.warnoptions, sys._xoptions)
old = sys.stdout
import io
buf = io.StringIO()
sys.stdout = buf
print("captured")
sys.stdout = old
print(repr(buf.getvalue()))
print(sys.getswitchinterval() > 0, sys.thread_info.name is None or isinstance(sys.thread_info.name, str))
print(sys.call_tracing(lambda a, b: a + b, (1, 2)))
print(sys.getrecursionlimit() == 1000, isinstance(sys.path, list), isinstance(sys.meta_path, list), len(sys.path_hooks) > 0)
def f():
    return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name
print(f())
print(sys.stdlib_module_names.__class__.__name__, "json" in sys.stdlib_module_names, "numpy" in sys.stdlib_module_names)
