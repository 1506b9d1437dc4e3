# Pins: CPython's exception types and messages for bad pickles (truncated, garbage, stack/mark/memo errors, bad opcodes, out-of-band buffers) and for unpicklable objects (local/lambda objects with their notes, bad __reduce__ results, protocol and argument checks).
import io
import pickle

def show(f):
    try:
        r = f()
    except Exception as e:
        notes = getattr(e, "__notes__", None)
        print("  ", type(e).__module__, type(e).__name__, str(e).split(" at 0x")[0], notes or "")
    else:
        print("  ok", repr(r))

bad = [
    b"", b"garbage", b"\x80", b"\x80\x05", b"\x80\x06.", b"N", b"0", b"(1.", b"h\x01.", b"g1\n.", b"g-1\n.",
    b"I12", b"Ixx\n.", b"I 5\n.", b"I010\n.", b"I01\n.", b"I00\n.", b"J\x01\x00", b"\x95\x01\x00\x00\x00\x00\x00\x00\x00",
    b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.", b"cbuiltins\nnope\n.", b"cno_such_module_xyz\nbar\n.",
    b"}N.", b"]N.", b"a.", b"R.", b"NNR.", b"\x8c\x03ab", b"X\x05\x00\x00\x00ab", b"Vab", b"S'abc\n.", b"Sabc\n.",
    b"F1.5x\n.", b"F1e500\n.", b"F 1.5\n.", b"Finf\n.", b"L12\n.", b"L123L\n.", b"L1x\n.", b"L\n.", b"P1\n.", b"P\xc3\n.",
    b"\x82\x01.", b"t.", b"(t.", b"NN\x86N.", b"\x97.", b"\x98.", b"s.", b"N}Ns.", b"\x94.", b"q\x00.", b"p1\n.",
    b"pa\n.", b"Np-1\n.", b"N\x94g0x\n.", b"G\x00\x00", b"NNo.", b"(\x93.", b"NN\x93.", b"\x81.", b"N)\x81.",
    b"NNNN(\x81.", b"N)}\x92.", b"]N\x94\x8c\x01a\x8c\x01b\x92.", b"Nt.", b"(Nd.", b"}(K\x01u.", b"\x8f(K\x01\x90.",
    b"(K\x01\x91.", b"Nb.", b"NNb.", b"}Nb.", b"K\x01(Kb.", b"T\xff\xff\xff\xff.", b"\x8b\xff\xff\xff\xff.",
    b"\xff", b"\x00", b"'", b"\\", b"z", b"S\"a\\x41b\"\n.", b"Vab\\u00e9\\\\\n.",
    b"\x80\x02c__builtin__\nset\n]\x85R.", b"\x80\x02cexceptions\nValueError\n).",
]
for data in bad:
    print(data)
    show(lambda: pickle.loads(data))

print("file input")
for data in [b"", b"N", b"I1", b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N."]:
    show(lambda: pickle.load(io.BytesIO(data)))
f = io.BytesIO(pickle.dumps(1, 0) + pickle.dumps([2], 2) + pickle.dumps({3: 4}, 5))
print(pickle.load(f), pickle.load(f), pickle.load(f), f.read())
show(lambda: pickle.load(f))

print("buffers")
show(lambda: pickle.loads(b"\x97\x97.", buffers=[b"a"]))
show(lambda: pickle.loads(b"\x97.", buffers=[]))
show(lambda: bytes(pickle.loads(b"\x97\x98.", buffers=[bytearray(b"ab")])))

print("encodings")
show(lambda: pickle.loads(b"U\x02ab.", encoding="bytes"))
show(lambda: pickle.loads(b"U\x02\xe9b.", encoding="latin1"))
show(lambda: pickle.loads(b"U\x02\xe9b."))
show(lambda: pickle.loads("abc"))

print("pickling")
def outer():
    def inner():
        pass
    return inner
class Local:
    pass
class BadReduce:
    def __init__(self, rv):
        self.rv = rv
    def __reduce__(self):
        return self.rv
for obj in [lambda: 0, outer(), (outer(),), [1, {2: outer()}], {"k": [outer()]}, {outer()}, frozenset([outer()]),
            type("Dyn", (), {}), BadReduce(42), BadReduce(()), BadReduce((1, ())), BadReduce((list, 1)),
            BadReduce((list, (), None, 5)), BadReduce((list, (), None, None, 5)), BadReduce((list, (), None, None, None, 5)),
            BadReduce((1, 2, 3, 4, 5, 6, 7)), BadReduce("no_such_global_name"), BadReduce((list, (outer(),)))]:
    for proto in (0, 2, 5):
        show(lambda: pickle.dumps(obj, proto))
show(lambda: pickle.dumps(1, 6))
show(lambda: pickle.dumps(1, "x"))
show(lambda: pickle.dumps(1, 2, buffer_callback=print))
show(lambda: pickle.dumps(1, -1)[:2])
show(lambda: pickle.Pickler(1))
show(lambda: pickle.Unpickler(1))
class P(pickle.Pickler):
    def __init__(self):
        pass
class U(pickle.Unpickler):
    def __init__(self):
        pass
show(lambda: P().dump(1))
show(lambda: U().load())
show(lambda: pickle.dumps(pickle.PickleBuffer(b"x"), 4))
print(pickle.PickleError.__module__, pickle.PicklingError.__mro__[1].__name__, pickle.UnpicklingError.__mro__[1].__name__)
import _pickle
print(pickle.PickleError is _pickle.PickleError, pickle.Pickler is _pickle.Pickler, pickle.loads is _pickle.loads)
print(sorted(n for n in dir(_pickle) if not n.startswith("__")))
