# Pins: keyword, shlex, secrets (shape only), uuid (fixed values), platform-independent bits, operator functions and itemgetter/attrgetter/methodcaller.
import keyword, shlex, secrets, uuid, operator
print(len(keyword.kwlist), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.softkwlist, keyword.iskeyword("async"), keyword.kwlist[:6])
print(shlex.split('ls -l "my file.txt" \'single q\' a\\ b # comment'), shlex.split("a # b", comments=True), shlex.quote("it's here"), shlex.quote("safe"), shlex.join(["a b", "c"]))
lx = shlex.shlex("x = 'y z'; w", posix=True)
lx.whitespace_split = False
print(list(lx))
try:
    shlex.split('"unterminated')
except ValueError as e:
    print("ValueError:", e)
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), len(secrets.token_urlsafe(6)) >= 6, secrets.randbelow(1), secrets.choice("z"), secrets.compare_digest("a", "a"))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.int, u.version, u.variant, u.bytes[:4], repr(u), u.urn, u.fields[:3])
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com"), uuid.UUID(int=0), uuid.NIL, uuid.MAX)
print(uuid.uuid4().version, len(str(uuid.uuid4())), uuid.UUID(bytes=b"\x00" * 16) == uuid.UUID(int=0), uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u)
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError:", e)
print(operator.add(1, 2), operator.mul("a", 3), operator.neg(5), operator.not_(0), operator.truth([1]), operator.is_(None, None), operator.contains([1], 1))
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"), operator.itemgetter("k")({"k": "v"}), operator.attrgetter("real")(3j), operator.attrgetter("a.b")(type("X", (), {"a": type("Y", (), {"b": 7})})))
print(operator.methodcaller("split", ",")("a,b"), operator.methodcaller("replace", "a", "b", 1)("aaa"), operator.index(5), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1), operator.indexOf("abc", "c"))
l = [1, 2, 3]
operator.setitem(l, 0, 9); operator.delitem(l, 1)
print(l, operator.getitem(l, -1), operator.iadd([1], [2]), operator.ipow(2, 5), operator.floordiv(7, 2), operator.matmul.__name__, operator.call(len, "xy"))
print(repr(operator.itemgetter(1, 2)), repr(operator.attrgetter("x")), repr(operator.methodcaller("m", 1, k=2)))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1, 0)), operator.is_none(None), operator.is_not_none(0))
