# Pins: exception edge cases: handlers that return/break, exception variable scoping in nested handlers, re-raising with modified traceback, __context__ cycles, BaseException subclasses escaping except Exception, and generator exceptions.
def f():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
        except ValueError:
            break
        finally:
            print("finally", i)
    return i
print(f())
try:
    try:
        raise KeyError("a")
    except KeyError as outer:
        try:
            raise ValueError("b")
        except ValueError as inner:
            print(repr(inner.__context__), outer is inner.__context__)
        print(repr(outer))
except Exception:
    pass
class Quit(BaseException):
    pass
try:
    try:
        raise Quit("bye")
    except Exception:
        print("not caught here")
except BaseException as e:
    print("caught BaseException subclass", type(e).__name__)
e1 = ValueError("one")
e2 = KeyError("two")
try:
    try:
        raise e1
    except ValueError:
        raise e2
except KeyError:
    pass
try:
    try:
        raise e2
    except KeyError:
        raise e1
except ValueError as e:
    print(repr(e.__context__), e.__context__.__context__ is None)
def raiser():
    raise IndexError("deep")
try:
    raiser()
except IndexError as e:
    tb = e.__traceback__
    e2 = e.with_traceback(tb.tb_next)
    print(e2 is e, e.__traceback__.tb_frame.f_code.co_name)
def g():
    try:
        yield 1
    finally:
        raise RuntimeError("from finally in generator")
gen = g()
next(gen)
try:
    gen.close()
except RuntimeError as e:
    print("close raised:", e)
class CustomWithArgs(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
try:
    raise CustomWithArgs(1, b=5)
except CustomWithArgs as e:
    print(e.args, e.b, str(e))
import copy, pickle
e = CustomWithArgs("x")
print(copy.copy(e).args, pickle.loads(pickle.dumps(ValueError("p"))).args)
try:
    raise StopIteration("plain raise is fine outside generators")
except StopIteration as e:
    print(e.value)
print(isinstance(ValueError(), Exception), issubclass(Quit, Exception), ValueError.__mro__[-2].__name__)
def nested_handlers():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise
        except ZeroDivisionError as again:
            return f"re-raised inside nested try: {again}"
print(nested_handlers())
try:
    raise ValueError("x") from ValueError("cause")
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
    e.__cause__ = None
    e.__suppress_context__ = False
    print(e.__cause__, e.__suppress_context__)
