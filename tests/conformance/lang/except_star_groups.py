# Pins: except* semantics: splitting groups across multiple except* clauses, unmatched remainder re-raised as a group, naked exceptions wrapped into a group for except*, nested groups preserved in split, raising inside except* clause, derive() keeping subclass, ExceptionGroup vs BaseExceptionGroup construction rules.
def handle(eg):
    try:
        raise eg
    except* ValueError as g:
        print("  ValueError part:", repr(g))
    except* (TypeError, KeyError) as g:
        print("  Type/Key part:", [type(e).__name__ for e in g.exceptions])
eg = ExceptionGroup("batch", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
handle(eg)
try:
    handle(ExceptionGroup("rest", [ValueError("v"), OSError("unhandled")]))
except ExceptionGroup as rest:
    print("remainder:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", type(g).__name__, repr(g.exceptions), g.message)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
try:
    raise nested
except* ValueError as g:
    print("nested split:", repr(g))
except* TypeError as g:
    print("nested types:", repr(g))
match_, rest = nested.split(ValueError)
print(repr(match_), "|", repr(rest))
print(nested.subgroup(lambda e: isinstance(e, TypeError)), nested.subgroup(lambda e: False))
try:
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* ValueError:
        raise RuntimeError("raised in except*")
except Exception as outer:
    print("raise inside except*:", type(outer).__name__, repr(outer), "| context:", repr(outer.__context__))
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + " (derived)", excs)
mg = MyGroup("mine", [ValueError(1), TypeError(2)])
m, r = mg.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
for args in [("m", []), ("m", [1]), (5, [ValueError()]), ("m", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
try:
    raise ExceptionGroup("only-os", [OSError("x")])
except* ValueError:
    print("not reached")
except* OSError as g:
    print("second clause got", repr(g))
try:
    exec("try:\n    pass\nexcept* ExceptionGroup:\n    pass")
except TypeError as e:
    print("TypeError", e)
except SyntaxError as e:
    print("SyntaxError", e.msg)
eg2 = ExceptionGroup("notes", [ValueError("n")])
eg2.add_note("group note")
try:
    raise eg2
except* ValueError as g:
    print("notes carried:", getattr(g, "__notes__", None), g.exceptions[0] is eg2.exceptions[0])
print(len(eg.exceptions), eg.message, str(eg), eg.args[0])
