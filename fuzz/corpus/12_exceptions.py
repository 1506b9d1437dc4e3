class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
def risky(n):
    if n == 0: raise MyError(7)
    if n == 1: return 1 / 0
    if n == 2: return [][1]
    if n == 3: return {}["k"]
    if n == 4: return int("x")
    if n == 5: return None.attr
    return n
for i in range(7):
    try:
        print(risky(i))
    except MyError as e:
        print("my", e.code, e.args)
    except (ZeroDivisionError, IndexError) as e:
        print("arith/index", type(e).__name__, e)
    except LookupError as e:
        print("lookup", repr(e))
    except Exception as e:
        print("other", type(e).__name__)
    else:
        print("no error")
    finally:
        print("finally", i)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
