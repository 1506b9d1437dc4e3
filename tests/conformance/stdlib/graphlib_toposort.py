# Pins: graphlib.TopologicalSorter: static_order determinism for a given insertion order, incremental prepare/get_ready/done protocol, CycleError with cycle listed, is_active, adding after prepare error, done() on unknown nodes.
from graphlib import TopologicalSorter, CycleError
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "tests": ["app"], "core": []}
print(list(TopologicalSorter(deps).static_order()))
ts = TopologicalSorter()
ts.add("c", "a", "b")
ts.add("b", "a")
ts.add("d")
print(list(ts.static_order()))
ts = TopologicalSorter(deps)
ts.prepare()
rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    rounds.append(ready)
    ts.done(*ready)
print(rounds)
cyc = TopologicalSorter({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]})
try:
    cyc.prepare()
except CycleError as e:
    print("CycleError", e.args[0], sorted(set(e.args[1])), len(e.args[1]))
print(issubclass(CycleError, ValueError))
ts2 = TopologicalSorter({"x": []})
ts2.prepare()
try:
    ts2.add("y")
except ValueError as e:
    print("ValueError", e)
try:
    ts2.prepare()
except ValueError as e:
    print("ValueError", e)
print(ts2.get_ready())
try:
    ts2.done("zzz")
except ValueError as e:
    print("ValueError", e)
ts2.done("x")
try:
    ts2.done("x")
except ValueError as e:
    print("ValueError", e)
print(ts2.is_active(), bool(ts2))
ts3 = TopologicalSorter()
try:
    ts3.get_ready()
except ValueError as e:
    print("ValueError", e)
self_loop = TopologicalSorter({"n": ["n"]})
try:
    list(self_loop.static_order())
except CycleError as e:
    print("self-loop cycle", e.args[1])
courses = {"calc2": {"calc1"}, "linalg": {"calc1"}, "ml": {"linalg", "stats", "calc2"}, "stats": {"calc1"}, "calc1": set()}
ts4 = TopologicalSorter(courses)
order = list(ts4.static_order())
print(order[0], order[-1], len(order), all(order.index(p) < order.index(c) for c, ps in courses.items() for p in ps))
