# Pins: try/except/else/finally ordering, return in finally overriding (with SyntaxWarning-free form via variable), exception replaced in finally, re-raise bare raise, exception variable deleted after except, nested handlers, except tuple, exception in else.
def order(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError("v")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order(False), order(True))
def finally_value():
    result = "try"
    try:
        return result
    finally:
        result = "finally changed local"
print(finally_value())
def finally_mutates():
    data = []
    try:
        return data
    finally:
        data.append("added in finally")
print(finally_mutates())
def replaced():
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("replacement")
try:
    replaced()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
def reraise():
    try:
        int("x")
    except ValueError:
        print("handling, then bare raise")
        raise
try:
    reraise()
except ValueError as e:
    print("outer got", e)
try:
    raise TypeError("t")
except (ValueError, TypeError) as err:
    print("tuple caught", type(err).__name__)
try:
    err
except NameError as e:
    print("NameError", e)
def else_raises():
    try:
        pass
    except ZeroDivisionError:
        return "not here"
    else:
        1 / 0
try:
    else_raises()
except ZeroDivisionError as e:
    print("from else:", e)
def nested():
    try:
        try:
            raise IndexError("inner")
        except KeyError:
            return "wrong handler"
        finally:
            print("inner finally")
    except LookupError as e:
        return f"outer LookupError: {e!r}"
print(nested())
def handler_raises():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    handler_raises()
except TypeError as e:
    print(e, "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise TypeError("b") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, repr(e.__context__))
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen_finally()
print(next(g))
g.close()
count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("loop finally", count)
try:
    raise Exception("base")
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught", type(e).__name__)
import sys
try:
    raise ValueError("exc_info")
except ValueError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
