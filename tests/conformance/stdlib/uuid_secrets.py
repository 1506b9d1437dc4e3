# Pins: uuid: parsing forms, fields/version/variant, uuid3/uuid5 determinism, uuid4/uuid7 versions, int/bytes/bytes_le/urn/hex round trips, comparisons, errors; secrets token lengths/alphabets, randbelow bounds, compare_digest.
import uuid, secrets, string
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant, u.fields, u.time_low, u.node)
for form in ["{12345678-1234-5678-1234-567812345678}", "12345678123456781234567812345678", "urn:uuid:12345678-1234-5678-1234-567812345678", "12345678-1234-5678-1234-567812345678".upper()]:
    print(uuid.UUID(form) == u, end=" ")
print()
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u, uuid.UUID(fields=u.fields) == u, u.bytes_le.hex())
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/x"))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org").version, uuid.uuid5(uuid.NAMESPACE_OID, "1.2").version, uuid.NAMESPACE_DNS, uuid.NAMESPACE_X500)
u4 = uuid.uuid4()
print(u4.version, u4.variant == uuid.RFC_4122, len(str(u4)), u4 != uuid.uuid4())
if hasattr(uuid, "uuid7"):
    a, b = uuid.uuid7(), uuid.uuid7()
    print(a.version, a < b or a.int >> 80 == b.int >> 80, uuid.uuid8(b"\x00" * 16 if False else 0, 0, 0).version if hasattr(uuid, "uuid8") else 8)
print(uuid.NIL if hasattr(uuid, "NIL") else uuid.UUID(int=0), uuid.MAX if hasattr(uuid, "MAX") else "", uuid.UUID(int=0).version)
for bad in ["not-a-uuid", "12345678-1234-5678-1234-56781234567", "g" * 32]:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    uuid.UUID()
except TypeError as e:
    print("TypeError", e)
try:
    u.hex_ = 1
    u.int = 5
except TypeError as e:
    print("TypeError", e)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)])[0].int, hash(u) == hash(uuid.UUID(str(u))), {u: 1}[uuid.UUID(u.hex)])
print(uuid.UUID("00000000-0000-1000-8000-000000000000").version, uuid.UUID(int=(1 << 128) - 1).variant, uuid.UUID("c232ab00-9414-11ec-b3c8-9f6bdeced846").time)
for n in (0, 1, 16, 33):
    tb, th, tu = secrets.token_bytes(n), secrets.token_hex(n), secrets.token_urlsafe(n)
    print(n, len(tb), len(th), all(c in string.hexdigits for c in th), all(c in string.ascii_letters + string.digits + "-_" for c in tu))
print(len(secrets.token_bytes()), len(secrets.token_hex()) == 64)
vals = [secrets.randbelow(10) for _ in range(200)]
print(min(vals) >= 0, max(vals) < 10, secrets.randbelow(1), 0 <= secrets.randbits(8) < 256, secrets.choice("a") == "a")
try:
    secrets.randbelow(0)
except ValueError as e:
    print("ValueError", e)
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"a", b"b"), isinstance(secrets.SystemRandom().random(), float))
try:
    secrets.compare_digest("a", b"a")
except TypeError as e:
    print("TypeError", e)
alphabet = string.ascii_letters + string.digits
pw = "".join(secrets.choice(alphabet) for _ in range(20))
print(len(pw), all(c in alphabet for c in pw))
