# Pins: ExceptionGroup and BaseExceptionGroup: construction, split/subgroup/derive, and except* matching.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3), ExceptionGroup("inner", [KeyError(4)])])
print(repr(eg))
print(str(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("notalist", ValueError())
except TypeError as e:
    print("TypeError:", e)

def handle(exc):
    try:
        raise exc
    except* ValueError as g:
        print("ValueErrors:", repr(g))
    except* (TypeError, KeyError) as g:
        print("Type/Key:", repr(g))

handle(eg)
handle(ValueError("naked"))
try:
    try:
        raise ExceptionGroup("x", [OSError("o"), ValueError("v")])
    except* ValueError:
        print("handled value part")
except ExceptionGroup as remaining:
    print("remaining:", repr(remaining))

try:
    try:
        raise ExceptionGroup("y", [ValueError("v")])
    except* ValueError:
        raise KeyError("raised in handler")
except KeyError as g:
    print("not wrapped:", repr(g), repr(g.__context__))

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)
mg = MyGroup("mine", [ValueError(1), TypeError(2)])
m, r = mg.split(TypeError)
print(type(m).__name__, m.message, repr(r))
e = ExceptionGroup("noted", [ValueError()])
e.add_note("note")
s, _ = e.split(ValueError)
print(s.__notes__)
try:
    try:
        raise TypeError("plain")
    except* TypeError as g:
        print(type(g).__name__, repr(g.exceptions))
except Exception as unexpected:
    print("unexpected", unexpected)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
