# Pins: hashlib md5/sha1/sha224/sha256/sha384/sha512/sha3/blake2b/blake2s digests, incremental update == one shot, copy(), name/digest_size/block_size, hashlib.new, blake2 key/salt/person/digest_size, file_digest.
import hashlib, io
msgs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog"]
for alg in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"]:
    for m in msgs:
        print(alg, m[:8], hashlib.new(alg, m).hexdigest())
h = hashlib.sha256()
for piece in [b"The quick ", b"brown fox ", b"jumps over the lazy dog"]:
    h.update(piece)
print(h.hexdigest() == hashlib.sha256(msgs[2]).hexdigest(), h.digest()[:4], len(h.digest()))
c = h.copy(); c.update(b"!")
print(h.hexdigest() != c.hexdigest(), h.hexdigest() == hashlib.sha256(msgs[2]).hexdigest())
for alg in ["md5", "sha1", "sha256", "sha512", "blake2b", "blake2s", "sha3_512"]:
    o = hashlib.new(alg)
    print(o.name, o.digest_size, o.block_size)
print(hashlib.blake2b(b"data", digest_size=16).hexdigest(), hashlib.blake2b(b"data", key=b"secret").hexdigest()[:32])
print(hashlib.blake2b(b"data", salt=b"salt1234", person=b"me").hexdigest()[:32], hashlib.blake2s(b"x", digest_size=8).hexdigest())
print(hashlib.shake_128(b"abc").hexdigest(16), hashlib.shake_256(b"abc").hexdigest(8))
print(hashlib.file_digest(io.BytesIO(b"abc"), "sha256").hexdigest() == hashlib.sha256(b"abc").hexdigest())
print(hashlib.md5(b"abc", usedforsecurity=False).hexdigest(), hashlib.sha256(data=b"abc").hexdigest()[:16])
for bad in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("str"), lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.blake2b(key=b"k" * 65), lambda: hashlib.sha256().update(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print({"md5", "sha1", "sha256", "sha512", "blake2b", "blake2s"} <= hashlib.algorithms_guaranteed)
import hmac
mac = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256")
print(mac.hexdigest(), mac.name, mac.digest_size, hmac.digest(b"key", b"msg", "md5").hex(), hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b"))
m2 = hmac.new(b"key", digestmod=hashlib.sha1); m2.update(b"part1"); m3 = m2.copy(); m3.update(b"part2")
print(m2.hexdigest(), m3.hexdigest() == hmac.new(b"key", b"part1part2", "sha1").hexdigest())
try:
    hmac.new(b"key", b"msg")
except TypeError as e:
    print("TypeError", e)
print(hashlib.sha1(bytearray(b"abc")).hexdigest() == hashlib.sha1(memoryview(b"abc")).hexdigest())
big = hashlib.sha512()
for i in range(1000):
    big.update(str(i).encode())
print(big.hexdigest()[:40])
