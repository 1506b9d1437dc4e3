# Pins: the exact bytes the C pickler writes for builtins across protocols 0-5: int widths (BININT1/2, BININT, LONG1/LONG4, protocol 0 I/L), floats, str/bytes/bytearray opcodes, tuple sizes, list/dict/set batching at 1000, memo PUT/GET numbering, framing and large out-of-frame bytes, globals (incl. nested qualnames and Python 2 names), recursion.
import pickle
import hashlib
import collections

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class Outer:
    class Inner:
        pass

shared = [1, 2]
rec_list = [1]
rec_list.append(rec_list)
rec_dict = {}
rec_dict["me"] = rec_dict
rec_tuple = ([],)
rec_tuple[0].append(rec_tuple)

objects = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, -2**31 - 1,
    2**63, -2**63, 2**64, -128, -129, 127, 128, 10**30, -10**30, 1 << 2100,
    0.0, -0.0, 1.5, 1e300, -1e-300, float("inf"), float("-inf"),
    b"", b"abc", b"\x00\xff" * 200, bytearray(), bytearray(b"ab"),
    "", "abc", "é€𝄞", "a\\b\nc\r\x00\x1a", "x" * 300, "\ud800x",
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {1: 2}, {"a": 1, "b": [1]},
    set(), {1, 2, 3}, frozenset(), frozenset({7}),
    [shared, shared, (shared, shared)], rec_list, rec_dict, rec_tuple,
    int, type(None), type(NotImplemented), type(...), len, Point, Outer.Inner, collections.OrderedDict,
    Point(1, "y"), collections.OrderedDict(a=1), ..., NotImplemented, range(1, 5, 2), slice(1, 2, 3),
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("-- protocol", proto)
    for obj in objects:
        print(pickle.dumps(obj, proto))

# Batching at 1000 items: a full last batch of an exact dict or set is
# followed by an empty one; lists are not.
for proto in (1, 2, 4):
    for obj in (list(range(1000)), list(range(1001)), {i: i for i in range(1000)}, set(range(1000)), set(range(2001))):
        data = pickle.dumps(obj, proto)
        print(proto, type(obj).__name__, len(obj), len(data), data[-16:], hashlib.sha256(data).hexdigest()[:16])

# Framing: many frames for a big structure; big bytes/str outside frames.
big = [{"k": i, "v": str(i) * 3} for i in range(20000)]
for proto in (4, 5):
    data = pickle.dumps(big, proto)
    print(proto, len(data), data[:12], data.count(b"\x95"), hashlib.sha256(data).hexdigest()[:16])
    data = pickle.dumps([b"a" * 70000, "b" * 70000, bytearray(b"c" * 70000), 1], proto)
    print(proto, len(data), data[:12], data[-24:], hashlib.sha256(data).hexdigest()[:16])

# Protocol 0-2 names map to Python 2 with fix_imports.
for proto in (0, 2, 3):
    print(proto, pickle.dumps([range, ValueError, collections.UserDict], proto, fix_imports=True))
    print(proto, pickle.dumps([range, ValueError], proto, fix_imports=False))

# Round trips.
for proto in range(6):
    back = pickle.loads(pickle.dumps(objects[:50], proto))
    same = [a == b or (a != a and b != b) for a, b in zip(objects[:50], back)]
    print(proto, all(same))
    r = pickle.loads(pickle.dumps(rec_list, proto))
    d = pickle.loads(pickle.dumps(rec_dict, proto))
    t = pickle.loads(pickle.dumps(rec_tuple, proto))
    print(r[1] is r, d["me"] is d, t[0][0] is t)
    s = pickle.loads(pickle.dumps([shared, shared], proto))
    print(s[0] is s[1])

# One-character Latin-1 strs and empty strs/bytes are single objects in
# CPython: equal ones are memoized once. Builtin types of one module share
# their module name.
import datetime
for proto in (2, 4):
    print(pickle.dumps(["aé"[1], "é", chr(233), "", "abc"[3:], b"", bytes(0)], proto))
    print(pickle.dumps([datetime.timezone.utc, datetime.date, datetime.time], proto))
