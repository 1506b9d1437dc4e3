# Pins: sys deterministic runtime info: version_info structure/comparisons, maxsize/maxunicode, float_info/int_info fields, recursion limit get/set, intern, getsizeof types, byteorder values, flags fields, exc_info in handlers, sys.modules entries, stdout/stderr attributes.
import sys
vi = sys.version_info
print(vi[:2] >= (3, 12), vi.major, type(vi).__name__, len(vi), vi.releaselevel in ("alpha", "beta", "candidate", "final"), vi >= (3,), isinstance(sys.hexversion, int))
print(sys.maxsize in (2**31 - 1, 2**63 - 1), sys.maxunicode, sys.byteorder in ("little", "big"))
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi.max_exp, fi.rounds)
ii = sys.int_info
print(ii.bits_per_digit in (15, 30), ii.default_max_str_digits, ii.str_digits_check_threshold)
print(sys.get_int_max_str_digits())
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(10000)
print(len(str(int("9" * 5000))))
sys.set_int_max_str_digits(4300)
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(50 < d <= 200, sys.getrecursionlimit())
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
a = sys.intern("hello world!" * 2)
print(a is sys.intern("hello world!" * 2))
try:
    sys.intern(b"bytes")
except TypeError as e:
    print("TypeError", e)
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]), sys.getsizeof(0) > 0, isinstance(sys.getsizeof("x"), int))
try:
    raise KeyError("ctx")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno > 0, sys.exception() is v)
print(sys.exc_info(), sys.exception())
print("sys" in sys.modules, sys.modules["sys"] is sys, "builtins" in sys.builtin_module_names, __name__ in sys.modules)
f = sys.flags
print(f.optimize, f.dont_write_bytecode in (0, 1), f.utf8_mode, f.ignore_environment, f.isolated, f.no_user_site in (0, 1), type(f).__name__)
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding, sys.stdout.errors, sys.stderr.errors, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.stdout.isatty(), sys.stdin.readable(), sys.stdout.writable(), sys.stdout.name if hasattr(sys.stdout, "name") else "", sys.__stdout__ is sys.stdout)
print(sys.argv[0], type(sys.path).__name__, isinstance(sys.prefix, str), sys.implementation.name.islower(), isinstance(sys.implementation.cache_tag, (str, type(None))))
print(sys.orig_argv[-1] if sys.orig_argv else None, sys.dont_write_bytecode in (True, False), sys.api_version > 0)
print(callable(sys.displayhook), callable(sys.excepthook), sys.excepthook is sys.__excepthook__, sys.is_finalizing())
print(sys.getrefcount(object()) >= 1, sys._getframe().f_code.co_name, sys._getframe(0).f_globals is globals())
def inner():
    return sys._getframe(1).f_code.co_name
def outer_fn():
    return inner()
print(outer_fn())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
print(sys.thread_info.name is not None or True, sys.float_repr_style, sys.hash_info.width in (32, 64), sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.modulus in (2**31 - 1, 2**61 - 1))
