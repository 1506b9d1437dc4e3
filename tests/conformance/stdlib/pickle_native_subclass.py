# Pins: Pickler/Unpickler subclasses (persistent_id/persistent_load, reducer_override, dispatch_table, find_class restriction, super() calls), memo reuse and clear_memo, fast mode, PickleBuffer in-band and out-of-band, and class instances with __reduce__, __reduce_ex__, __getstate__/__setstate__, __slots__, __getnewargs__/__getnewargs_ex__, state setters and list/dict items.
import copyreg
import io
import pickle

class Record:
    def __init__(self, key):
        self.key = key
    def __repr__(self):
        return f"Record({self.key!r})"

DB = {"a": Record("a"), "b": Record("b")}

class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return ("Record", obj.key)
        return None

class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, key = pid
        if kind != "Record":
            raise pickle.UnpicklingError("unsupported persistent object")
        return DB[key]

for proto in range(1, 6):
    f = io.BytesIO()
    DBPickler(f, proto).dump([DB["a"], DB["b"], DB["a"], 3])
    print(proto, f.getvalue())
    back = DBUnpickler(io.BytesIO(f.getvalue())).load()
    print(back, back[0] is DB["a"])
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)

class StrPidPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return "pid-" + obj if isinstance(obj, str) and obj.startswith("@") else None
f = io.BytesIO()
StrPidPickler(f, 0).dump(["@x", "y"])
print(f.getvalue())
class Proto0Unpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return ("loaded", pid)
print(Proto0Unpickler(io.BytesIO(f.getvalue())).load())
class NonAscii(pickle.Pickler):
    def persistent_id(self, obj):
        return "é" if obj == 1 else None
try:
    NonAscii(io.BytesIO(), 0).dump(1)
except pickle.PicklingError as e:
    print("PicklingError", e)

# persistent_id given as an instance attribute.
p = pickle.Pickler(io.BytesIO(), 2)
p.persistent_id = lambda obj: "X" if obj == 5 else None
p.dump([5, 6])

# reducer_override sees every object that is not an atom or a builtin container.
class Tracer(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is float:
            return (type, (0.5,))
        if isinstance(obj, Record):
            return (Record, ("overridden-" + obj.key,))
        return NotImplemented
f = io.BytesIO()
Tracer(f, 4).dump([Record("z"), Record, float, int, 1, "s"])
print(f.getvalue())
print(pickle.loads(f.getvalue()))

# dispatch_table: on the class, on the instance, and copyreg's.
def reduce_record(r):
    return (Record, (r.key.upper(),))
class TablePickler(pickle.Pickler):
    dispatch_table = {Record: reduce_record}
f = io.BytesIO()
TablePickler(f, 2).dump(Record("q"))
print(pickle.loads(f.getvalue()))
p = pickle.Pickler(io.BytesIO(), 2)
print(hasattr(p, "dispatch_table"))
p.dispatch_table = {Record: lambda r: (Record, ("instance",))}
p.dump(Record("w"))
print(pickle.loads(p.dispatch_table and b"\x80\x02c__main__\nRecord\nX\x01\x00\x00\x00z\x85R."))
copyreg.pickle(Record, lambda r: (Record, ("copyreg-" + r.key,)))
print(pickle.loads(pickle.dumps(Record("c"))))
del copyreg.dispatch_table[Record]

# find_class restriction, and super().find_class.
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in {"set", "frozenset"}:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")
print(Restricted(io.BytesIO(pickle.dumps(frozenset({1, 2}), 3))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(Record("x")))).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
u = pickle.Unpickler(io.BytesIO(b""))
print(u.find_class("builtins", "len") is len, u.find_class("__builtin__", "xrange") is range)

# The memo lasts across dump() calls until clear_memo().
f = io.BytesIO()
p = pickle.Pickler(f, 2)
obj = [1, 2]
p.dump(obj)
p.dump(obj)
p.clear_memo()
p.dump(obj)
print(f.getvalue())
print(len(p.memo.copy()), p.bin, p.fast)
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = True
p.dump([obj, obj])
print(f.getvalue(), p.fast)
cyc = []
cyc.append(cyc)
for _ in range(60):
    cyc = [cyc]
try:
    p.dump(cyc)
except ValueError as e:
    print("ValueError", str(e).split(" at ")[0])

# Unpickler memo and multiple loads from one file.
f = io.BytesIO(pickle.dumps([1], 2) + pickle.dumps([2], 2))
u = pickle.Unpickler(f)
print(u.load(), u.load())
print(sorted(u.memo.copy().items()))

# PickleBuffer in-band and out-of-band.
class ZeroCopy:
    def __init__(self, data):
        self.data = data
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return rebuild_zero_copy, (pickle.PickleBuffer(self.data),)
        return rebuild_zero_copy, (bytes(self.data),)
    def __repr__(self):
        return f"ZeroCopy({self.data!r})"
def rebuild_zero_copy(obj):
    with memoryview(obj) as m:
        return ZeroCopy(bytearray(m) if not m.readonly else bytes(m))

items = [ZeroCopy(b"ro"), ZeroCopy(bytearray(b"rw"))]
for proto in (2, 5):
    print(proto, pickle.dumps(items, proto))
buffers = []
data = pickle.dumps(items, 5, buffer_callback=buffers.append)
print(data, len(buffers), [bytes(b.raw()) for b in buffers], [b.raw().readonly for b in buffers])
print(pickle.loads(data, buffers=buffers))
print(pickle.loads(data, buffers=[b"X1", bytearray(b"Y2")]))
data = pickle.dumps(items, 5, buffer_callback=lambda b: True)
print(data)
pb = pickle.PickleBuffer(bytearray(b"abc"))
print(bytes(pb.raw()), pb.raw().readonly, pickle.loads(pickle.dumps(pb, 5)))
pb.release()
try:
    pb.raw()
except ValueError as e:
    print("ValueError", e)
try:
    pickle.PickleBuffer("text")
except TypeError as e:
    print("TypeError", e)

# Class instances and the object protocol.
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
class SlottedDict:
    __slots__ = ("a", "__dict__")
    def __init__(self):
        self.a = 1
        self.c = 3
class WithState:
    def __init__(self):
        self.x = 1
        self.cache = "drop"
    def __getstate__(self):
        return {"x": self.x}
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "rebuilt"
class NewArgs:
    def __new__(cls, a):
        self = object.__new__(cls)
        self.a = a
        return self
    def __getnewargs__(self):
        return (self.a,)
class NewArgsEx:
    def __new__(cls, a, *, kw):
        self = object.__new__(cls)
        self.a, self.k = a, kw
        return self
    def __getnewargs_ex__(self):
        return ((self.a,), {"kw": self.k})
def set_state(obj, state):
    obj.v = state * 2
class Setter:
    def __reduce__(self):
        return (Setter, (), 21, None, None, set_state)
class Items:
    def __init__(self):
        self.log = []
    def append(self, x):
        self.log.append(("append", x))
    def extend(self, xs):
        self.log.append(("extend", list(xs)))
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
    def __reduce__(self):
        return (Items, (), None, iter([1, 2, 3]), iter([("k", "v")]))
class Sub(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "t"
class DSub(dict):
    pass
class Empty:
    pass

for proto in range(6):
    objs = [WithState(), NewArgs(4), NewArgsEx(1, kw=2), Setter(), Items(), Sub([1, 2]), DSub(a=1), Empty()]
    print(proto, pickle.dumps(objs[:4], proto))
    ws, na, nx, st, it, sub, dsub, em = pickle.loads(pickle.dumps(objs, proto))
    print(ws.x, ws.cache, na.a, nx.a, nx.k, st.v, it.log, sub, sub.tag, dsub, type(em).__name__)
    if proto >= 2:
        print(pickle.dumps([Slotted(), SlottedDict()], proto))
        s, sd = pickle.loads(pickle.dumps([Slotted(), SlottedDict()], proto))
        print(s.a, hasattr(s, "b"), sd.a, sd.c)
    else:
        try:
            pickle.dumps(Slotted(), proto)
        except TypeError as e:
            print("TypeError", e)

# Self-referencing instances.
a = Empty()
a.me = a
a.lst = [a]
for proto in (0, 2, 4):
    b = pickle.loads(pickle.dumps(a, proto))
    print(proto, b.me is b, b.lst[0] is b)

# Memo proxies.
p = pickle.Pickler(io.BytesIO(), 2)
item = ["shared"]
p.dump(item)
m = p.memo
print(type(m).__name__, sorted(m.copy().values(), key=lambda v: v[0]), m.__reduce__()[0].__name__)
m.clear()
print(len(p.memo.copy()))
p.memo = {0: (7, item)}
f = io.BytesIO()
p2 = pickle.Pickler(f, 2)
p2.memo = p.memo
p2.dump([item])
print(f.getvalue())
for bad in (1, {0: 5}):
    try:
        p2.memo = bad
    except TypeError as e:
        print("TypeError", e)
u = pickle.Unpickler(io.BytesIO(pickle.dumps([[1], [2]], 2)))
u.load()
print(type(u.memo).__name__, sorted(u.memo.copy()))
u2 = pickle.Unpickler(io.BytesIO(b"h\x01."))
u2.memo = u.memo
print(u2.load())
u.memo = {5: "five"}
print(u.memo.copy())
for bad in ({"x": 1}, {-1: 1}, [1]):
    try:
        u.memo = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
