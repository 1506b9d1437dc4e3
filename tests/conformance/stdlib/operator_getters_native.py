# Pins: operator.attrgetter/itemgetter/methodcaller as CPython's C classes: results for one and several names/items, dotted names, keyword arguments of methodcaller, repr, __reduce__ and pickling, constructor and call errors with CPython's messages, classes that refuse subclassing, and use as sort keys.
import copy
import operator
import pickle


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, *, punct="!"):
        return f"{greeting}, {self.name}{punct}"


n = Node("root", Node("leaf"))
print(operator.attrgetter("name")(n), operator.attrgetter("name", "child.name")(n))
print(operator.attrgetter("child.child")(n), operator.attrgetter("__class__.__name__")(n))
print(operator.itemgetter(1)([10, 20, 30]), operator.itemgetter(0, -1, slice(1, 3))("abcd"))
print(operator.itemgetter("k")({"k": "v"}))
print(operator.methodcaller("greet", "hi")(n), operator.methodcaller("greet", "hey", punct="?")(n))
print(operator.methodcaller("split", ",", maxsplit=1)("a,b,c"), operator.methodcaller("upper")("x"))

ag = operator.attrgetter("a", "b.c")
ig = operator.itemgetter(1, "x")
mc = operator.methodcaller("f", 1, k=2)
for obj in (ag, ig, mc, operator.methodcaller("g"), operator.itemgetter(0)):
    print(repr(obj), obj.__reduce__())
for obj in (ag, ig, mc, operator.attrgetter("name")):
    back = pickle.loads(pickle.dumps(obj))
    print(type(back).__name__, repr(back), repr(copy.copy(obj)), repr(copy.deepcopy(obj)))
print(pickle.loads(pickle.dumps(operator.methodcaller("greet", "yo", punct=".")))(n))
print(type(ag).__module__, type(ag).__name__, type(ag).__qualname__, operator.attrgetter.__doc__.splitlines()[0])
print(callable(ag), isinstance(mc, operator.methodcaller))

tries = [
    "operator.attrgetter()", "operator.attrgetter(1)", "operator.attrgetter('a', x=1)", "operator.attrgetter('a', 2)",
    "operator.itemgetter()", "operator.itemgetter(1, x=2)", "operator.methodcaller()", "operator.methodcaller(1)",
    "operator.methodcaller(name='x')", "operator.attrgetter('a')()", "operator.attrgetter('a')(1, 2)",
    "operator.attrgetter('a')(x=1)", "operator.itemgetter(1)()", "operator.itemgetter(1)([], x=1)",
    "operator.itemgetter(5)([1])", "operator.itemgetter('k')({})", "operator.methodcaller('a')()",
    "operator.methodcaller('a')(1, x=2)", "operator.methodcaller('nope')(1)", "operator.attrgetter('a.')(1)",
    "operator.attrgetter('.a')(1)", "operator.attrgetter('name.nope')(n)", "operator.methodcaller('greet')(n)",
    "operator.methodcaller('greet', 'x', bad=1)(n)",
]
for src in tries:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
for T in (operator.attrgetter, operator.itemgetter, operator.methodcaller):
    try:
        class Sub(T):
            pass
    except TypeError as e:
        print(e)

people = [("bob", 3), ("al", 9), ("cy", 1)]
print(sorted(people, key=operator.itemgetter(1)), max(people, key=operator.itemgetter(0)))
print(sorted([Node("b"), Node("a")], key=operator.attrgetter("name"))[0].name)
print(list(map(operator.methodcaller("strip", "-"), ["-a-", "b--"])))
