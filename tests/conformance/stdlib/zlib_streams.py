# Pins: zlib compress/decompress levels and wbits (zlib/gzip/raw), compressobj/decompressobj streaming, flush modes, unused_data/eof, zdict, errors.
import zlib
data = b"spindle conformance " * 200 + bytes(range(256))
for level in (0, 1, 6, 9, -1):
    c = zlib.compress(data, level)
    print(level, zlib.decompress(c) == data, c[:2].hex(), len(c) < len(data) or level == 0)
print(zlib.compress(b"hello").hex(), zlib.compress(b"").hex(), zlib.decompress(zlib.compress(b"x", wbits=-15), wbits=-15))
gz = zlib.compress(data, wbits=31)
print(gz[:2].hex(), zlib.decompress(gz, wbits=31) == data, zlib.decompress(gz, wbits=47) == data, zlib.decompress(zlib.compress(data), wbits=47) == data)
co = zlib.compressobj(level=6, wbits=-15)
parts = [co.compress(data[i:i + 100]) for i in range(0, len(data), 100)]
parts.append(co.flush())
stream = b"".join(parts)
do = zlib.decompressobj(wbits=-15)
out = b"".join(do.decompress(stream[i:i + 37]) for i in range(0, len(stream), 37)) + do.flush()
print(out == data, do.eof, do.unused_data)
co = zlib.compressobj()
a = co.compress(b"first") + co.flush(zlib.Z_SYNC_FLUSH)
b = co.compress(b"second") + co.flush()
d = zlib.decompressobj()
print(d.decompress(a), d.decompress(b), d.eof)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"payload") + b"EXTRA"), d.unused_data, d.eof)
d = zlib.decompressobj()
first = d.decompress(zlib.compress(b"abcdefgh" * 10), 16)
print(len(first), len(d.unconsumed_tail) > 0, len(first + d.decompress(d.unconsumed_tail) + d.flush()))
for bad in [b"not compressed", zlib.compress(b"abc")[:-3]]:
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("zlib.error", e)
try:
    zlib.compress(b"x", 10)
except zlib.error as e:
    print("zlib.error", e)
print(zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, zlib.MAX_WBITS, isinstance(zlib.ZLIB_VERSION, str))
cz = zlib.compressobj(zdict=b"common words here")
comp = cz.compress(b"common words here again") + cz.flush()
dz = zlib.decompressobj(zdict=b"common words here")
print(dz.decompress(comp))
try:
    zlib.decompress(comp)
except zlib.error as e:
    print("zlib.error", e)
