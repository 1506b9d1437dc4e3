# Pins: gzip, bz2 and lzma in-memory round trips: gzip header with mtime=0, multi-member gzip, bad-data errors, lzma formats.
import gzip, bz2, lzma
data = b"spindle conformance " * 200 + bytes(range(256))
g = gzip.compress(b"gzip data", mtime=0)
print(g[:4].hex(), gzip.decompress(g), gzip.decompress(g + gzip.compress(b"+more", mtime=0)))
try:
    gzip.decompress(b"\x1f\x8b\x08junk")
except Exception as e:
    print(type(e).__name__)
print(bz2.decompress(bz2.compress(data)) == data, bz2.compress(b"")[:3], lzma.decompress(lzma.compress(data)) == data)
print(lzma.decompress(lzma.compress(b"xz", format=lzma.FORMAT_ALONE)), lzma.compress(b"", format=lzma.FORMAT_XZ)[:6].hex())
try:
    bz2.decompress(b"garbage")
except OSError as e:
    print("OSError", e)
import io
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(b"line1\nline2\n")
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.readline(), f.read())
b2 = bz2.BZ2Compressor()
out = b2.compress(b"abc" * 100) + b2.flush()
print(bz2.BZ2Decompressor().decompress(out) == b"abc" * 100)
ld = lzma.LZMADecompressor()
print(ld.decompress(lzma.compress(b"stream") + b"tail"), ld.eof, ld.unused_data)
try:
    lzma.decompress(b"not xz")
except lzma.LZMAError as e:
    print("LZMAError", e)
