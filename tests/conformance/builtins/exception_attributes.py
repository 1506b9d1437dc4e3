# Pins: builtin exception attributes: args/str/repr for 0/1/many args, OSError errno/strerror/filename mapping to subclasses, UnicodeDecodeError fields, SyntaxError fields, KeyError str quoting, StopIteration.value, SystemExit.code, with_traceback, __notes__.
for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("k"), KeyError("a", "b"), IndexError(3), Exception(["list"])]:
    print(repr(e), "|", str(e), "|", e.args)
import errno, re
for args in [(errno.ENOENT, "No such file"), (errno.EACCES, "Denied", "f.txt"), (errno.EEXIST, "Exists", "a", None, "b"), (errno.EINVAL, "Bad", "x"), ("just message",), ()]:
    e = OSError(*args)
    print(type(e).__name__, e.errno == (args[0] if len(args) > 1 else None), e.strerror, e.filename, e.filename2, re.sub(r"\[Errno \d+\]", "[Errno N]", str(e)))
print(type(OSError(errno.ENOENT, "x")).__name__, type(OSError(errno.EEXIST, "x")).__name__, type(OSError(errno.EACCES, "x")).__name__, type(OSError(errno.EISDIR, "x")).__name__, type(OSError(errno.ENOTDIR, "x")).__name__, type(OSError(errno.EPIPE, "x")).__name__, type(OSError(errno.EAGAIN, "x")).__name__)
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError), issubclass(TimeoutError, OSError), issubclass(ConnectionResetError, ConnectionError))
try:
    b"\xffabc".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
ue = UnicodeEncodeError("ascii", "héllo", 1, 2, "ordinal not in range(128)")
print(str(ue), ue.object[ue.start:ue.end], repr(UnicodeTranslateError("x", 0, 1, "r")))
try:
    compile("x = (1,\n", "demo.py", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno)
se = SyntaxError("custom", ("f.py", 3, 4, "bad line\n", 3, 7))
print(str(se), se.args[0], se.lineno, se.end_offset)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit("msg").code, SystemExit(1, 2).code)
print(KeyboardInterrupt.__mro__[1].__name__, GeneratorExit.__mro__[1].__name__, SystemExit.__mro__[1].__name__, StopAsyncIteration.__mro__[1].__name__)
e = ValueError("with notes")
e.add_note("first"); e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as ex:
    print("TypeError", ex)
print(NameError("n", name="var").name, AttributeError("a", name="attr", obj=5).obj, ImportError("m", name="mod", path="/p").path, ModuleNotFoundError.__mro__[1].__name__)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
m = MyErr(404)
print(m, repr(m), m.args, m.code)
import pickle
m2 = pickle.loads(pickle.dumps(ValueError("pickled", 1)))
print(repr(m2))
e1 = RuntimeError("x")
print(e1.__traceback__, e1.__cause__, e1.__context__, e1.__suppress_context__)
try:
    raise e1
except RuntimeError as caught:
    print(caught.__traceback__ is not None, caught.with_traceback(None) is caught, caught.__traceback__)
e3 = Exception("mutable")
e3.args = ("changed", 1)
print(str(e3), repr(e3))
print(BaseException("b").__class__.__bases__, ArithmeticError.__subclasses__()[:3], LookupError.__subclasses__()[:2])
print(repr(BaseExceptionGroup("g", [ValueError()])), type(BaseExceptionGroup("g", [ValueError()])).__name__, type(BaseExceptionGroup("g", [KeyboardInterrupt()])).__name__)
