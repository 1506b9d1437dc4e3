# Pins: exception chaining: implicit __context__, explicit `raise from`, `from None`, __suppress_context__, notes and traceback objects.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("implicit")
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        int("x")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    raise ValueError("a") from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)

e = ValueError("with notes")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as err:
    print("TypeError:", err)

try:
    raise KeyError("tb")
except KeyError as err:
    tb = err.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
    print(tb.tb_frame.f_code.co_name)
e2 = ValueError("x").with_traceback(None)
print(e2.__traceback__)

def deep():
    raise IndexError("deep")
def mid():
    deep()
try:
    mid()
except IndexError as err:
    names = []
    tb = err.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"

try:
    raise MyErr(7, "custom")
except MyErr as err:
    print(err, repr(err), err.args, err.code)

x = Exception()
print(repr(x), str(x), x.args)
print(repr(Exception(1, 2)), str(Exception(1, 2)), str(Exception("one")))
print(BaseException("b").__context__, KeyError("k").__str__(), str(KeyError()))
try:
    try:
        raise ValueError("first")
    finally:
        print("cleanup")
except ValueError as err:
    print("after finally:", err)
try:
    raise
except RuntimeError as err:
    print("RuntimeError:", err)
