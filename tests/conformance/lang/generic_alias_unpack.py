# Pins: unpacking a types.GenericAlias (*tuple[int, ...]) and lazily evaluated PEP 695 bounds, constraints and defaults.
alias = tuple[int, ...]
(starred,) = alias
print(repr(starred), starred.__unpacked__, alias.__unpacked__)
print([*tuple[int, str]], starred == alias, starred == next(iter(alias)))
print(starred.__origin__, starred.__args__)
def f(*args: *tuple[int, ...]): pass
print(f.__annotations__["args"])
class C[T = str, *Ts = *tuple[int, ...]]: pass
print(C.__type_params__[1].__default__, C.__type_params__[1].has_default())

def later_bound[B: NotYet, K: (NotYet, int) = NotYet](): pass
class NotYet: pass
B, K = later_bound.__type_params__
print(B.__bound__, K.__constraints__, K.__default__)
print(B.evaluate_bound(1), K.evaluate_constraints(1), K.evaluate_default(1))
def broken[X: undefined_name](): pass
X, = broken.__type_params__
try:
    X.__bound__
except NameError as e:
    print("NameError", e)
print(X.__name__, X.__constraints__, X.has_default())
