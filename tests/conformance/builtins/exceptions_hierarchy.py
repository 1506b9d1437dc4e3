# Pins: the builtin exception hierarchy, attributes of common exceptions, OSError subclass mapping, and str/repr of exceptions.
import builtins
def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)
for name in ["KeyError", "IndexError", "ZeroDivisionError", "OverflowError", "FloatingPointError", "ModuleNotFoundError",
             "UnboundLocalError", "FileNotFoundError", "PermissionError", "TimeoutError", "BrokenPipeError",
             "ConnectionResetError", "RecursionError", "NotImplementedError", "StopAsyncIteration", "UnicodeDecodeError",
             "IndentationError", "TabError", "KeyboardInterrupt", "SystemExit", "GeneratorExit", "DeprecationWarning",
             "ResourceWarning", "EncodingWarning", "BaseExceptionGroup", "PythonFinalizationError", "PendingDeprecationWarning"]:
    print(chain(getattr(builtins, name)))
print(EnvironmentError is OSError, IOError is OSError)
import errno
e = OSError(errno.ENOENT, "No such file", "f.txt")
print(type(e).__name__, e.errno == errno.ENOENT, e.strerror, e.filename, e.args[1:])
e2 = OSError("just message")
print(e2.errno, e2.strerror, str(e2))
for code in ["EACCES", "EEXIST", "EISDIR", "ENOTDIR", "EAGAIN", "ECHILD", "ESRCH", "EPIPE", "ECONNREFUSED", "ETIMEDOUT", "EINTR", "EINVAL"]:
    print(code, type(OSError(getattr(errno, code), "x")).__name__)
e3 = OSError(errno.ENOENT, "msg", "a", None, "b")
print(str(e3).split("] ", 1)[1], e3.filename2)
k = KeyError("key")
print(str(k), repr(k), str(KeyError("a", "b")), str(KeyError()))
s = SystemExit(3)
print(s.code, SystemExit().code, SystemExit(1, 2).code)
ste = StopIteration(5)
print(ste.value, StopIteration().value)
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg, str(ie), ModuleNotFoundError("m").name)
ae = AttributeError("x", name="attr", obj=5)
print(ae.name, ae.obj)
ne = NameError("n", name="nm")
print(ne.name)
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")
print(str(ue), ue.encoding, ue.object, ue.start, ue.end, ue.reason)
se = SyntaxError("msg", ("file.py", 3, 4, "bad line\n", 3, 7))
print(str(se), se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset, se.msg)
print(repr(ValueError()), repr(ValueError("a")), repr(ValueError("a", 1)), str(ValueError(1, 2)))
class Custom(Exception):
    pass
print(repr(Custom("x")), Custom.__module__, chain(Custom))
try:
    raise Custom
except Custom as c:
    print(type(c).__name__, c.args)
print(BaseException.__new__(ValueError).args, ValueError.__doc__)
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(Warning, Exception))
print(sorted(n for n in dir(builtins) if n.endswith("Warning")))
print(len([n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)]))
