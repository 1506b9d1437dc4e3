# Pins: hashlib digests of fixed inputs (md5/sha1/sha2/sha3/blake2/shake), incremental update and copy, pbkdf2, and zlib compress/decompress/crc32/adler32.
import hashlib, zlib
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s"]:
    h = hashlib.new(name, b"The quick brown fox")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.shake_128(b"abc").hexdigest(16), hashlib.shake_256(b"abc").hexdigest(8))
h = hashlib.sha256()
h.update(b"part one ")
c = h.copy()
h.update(b"part two")
print(h.hexdigest(), c.hexdigest(), hashlib.sha256(b"part one part two").hexdigest() == h.hexdigest())
print(hashlib.blake2b(b"data", digest_size=16, key=b"key", salt=b"salt", person=b"me").hexdigest())
print(hashlib.md5(b"").digest(), sorted(a for a in hashlib.algorithms_guaranteed if not a.startswith("shake"))[:5])
print(hashlib.file_digest(__import__("io").BytesIO(b"file bytes"), "sha1").hexdigest())
try:
    hashlib.new("nonexistent-hash")
except ValueError as e:
    print("ValueError:", e)
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError:", e)
import hmac
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.compare_digest(b"a", b"a"), hmac.digest(b"k", b"m", "md5").hex())
raw = b"spindle " * 100
comp = zlib.compress(raw)
print(len(raw), zlib.decompress(comp) == raw, comp[:2].hex(), len(zlib.compress(raw, 9)) <= len(zlib.compress(raw, 1)))
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"), zlib.crc32(b""), zlib.adler32(b""), zlib.crc32(b"world", zlib.crc32(b"hello ")))
co = zlib.compressobj(wbits=-15)
stream = co.compress(b"abc" * 50) + co.flush()
do = zlib.decompressobj(wbits=-15)
print(do.decompress(stream) == b"abc" * 50, do.eof)
try:
    zlib.decompress(b"not zlib data")
except zlib.error as e:
    print("zlib.error:", e)
print(zlib.decompress(zlib.compress(b"")), zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION)
import gzip
gz = gzip.compress(b"gzip payload", mtime=0)
print(gz[:4].hex(), gzip.decompress(gz))
