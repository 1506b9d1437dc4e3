# Pins: try/except/else/finally flow, bare except, exception variables cleared, return in finally, and `except A, B` without parentheses.
def flow(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "type":
            raise TypeError("t")
    except ValueError as e:
        log.append(f"except ValueError {e}")
    except (KeyError, IndexError) as e:
        log.append(f"except tuple {e!r}")
    except Exception:
        log.append("except Exception")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

for k in ["none", "value", "key", "type"]:
    print(k, flow(k))

def pep758(v):
    try:
        raise v
    except ValueError, TypeError:
        return "value-or-type"
    except KeyError:
        return "key"

print(pep758(ValueError()), pep758(TypeError()), pep758(KeyError()))

def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")

print(finally_return())

def finally_overrides():
    for _ in range(1):
        try:
            raise ValueError("lost")
        finally:
            break
    return "swallowed by break"

print(finally_overrides())

e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as exc:
    print("re-raised", exc)

try:
    try:
        [][0]
    except:
        print("bare except caught", __import__("sys").exc_info()[0].__name__)
        raise
except IndexError:
    print("outer caught")

def nested_finally():
    out = []
    try:
        try:
            out.append(1)
            raise KeyError
        finally:
            out.append(2)
    except KeyError:
        out.append(3)
    finally:
        out.append(4)
    return out

print(nested_finally())
import sys
print(sys.exc_info())
try:
    raise OSError("outer")
except OSError:
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exception().__class__.__name__)
    print(sys.exception().__class__.__name__)
print(sys.exception())

def loop_continue():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_continue())
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
class NotExc: pass
try:
    try:
        raise ValueError("v")
    except NotExc:
        pass
except TypeError as e:
    print("TypeError:", e)
