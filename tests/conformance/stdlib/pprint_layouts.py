# Pins: pprint.pformat layouts: width/indent/depth/compact/sort_dicts/underscore_numbers, nested dicts/lists/tuples/sets, long strings and bytes splitting, recursion markers, dataclass and namedtuple formatting, isreadable/isrecursive, PrettyPrinter.
import pprint, dataclasses, collections
data = {"name": "spindle", "versions": [3.12, 3.13, 3.14], "deps": {"core": ["a", "b", "c"], "dev": ("pytest", "ruff")}, "big": 12345678901, "empty": {}, "nested": [[1, 2, [3, 4, [5, 6]]]]}
print(pprint.pformat(data))
print(pprint.pformat(data, width=40))
print(pprint.pformat(data, width=40, indent=4, sort_dicts=False))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(list(range(40)), width=60, compact=True))
print(pprint.pformat(list(range(40)), width=60))
print(pprint.pformat({"n": 1234567890}, underscore_numbers=True))
long = "lorem ipsum dolor sit amet " * 6
print(pprint.pformat(long, width=50))
print(pprint.pformat({"k": long[:60]}, width=40))
print(pprint.pformat(bytes(range(40, 100)), width=40))
print(pprint.pformat({1, 2, 3}), pprint.pformat(frozenset({"b"})), pprint.pformat(set(range(30)), width=30))
rec = [1, 2]; rec.append(rec)
d = {"self": None}; d["self"] = d
import re
no_ids = lambda text: re.sub(r"id=\d+", "id=N", text)  # the markers show id() values
print(no_ids(pprint.pformat(rec)), no_ids(pprint.pformat(d)), pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable({"a": 1}), no_ids(pprint.saferepr(rec)))
@dataclasses.dataclass
class Config:
    host: str = "localhost"
    ports: list = dataclasses.field(default_factory=lambda: [8080, 8081, 8082])
    options: dict = dataclasses.field(default_factory=lambda: {"debug": True, "level": "verbose-logging"})
print(pprint.pformat(Config(), width=50))
P = collections.namedtuple("P", "alpha beta gamma")
print(pprint.pformat(P("a" * 20, ["b" * 20], {"c": "d" * 20}), width=40))
print(pprint.pformat(collections.OrderedDict(z=1, a=2)), pprint.pformat(collections.Counter("aabbbc")), pprint.pformat(collections.deque(range(5), maxlen=8)))
print(pprint.pformat(collections.defaultdict(list, {"k": [1] * 20}), width=40))
pp = pprint.PrettyPrinter(width=30, indent=2)
print(pp.pformat({"alpha": [1, 2, 3], "beta": {"x": "y" * 10}}))
import io
buf = io.StringIO()
pprint.pprint({"b": 1, "a": 2}, stream=buf)
pprint.pp({"b": 1, "a": 2}, stream=buf)
print(repr(buf.getvalue()))
print(pprint.pformat(()), pprint.pformat([]), pprint.pformat((1,)), pprint.pformat([[]] * 3), pprint.pformat({"a": ()}))
print(pprint.pformat(types_ := {1: "int", "s": "str"}))
