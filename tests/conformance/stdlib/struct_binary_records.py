# Pins: binary record file program using struct + io.BytesIO: fixed-size header with magic/version/count, variable-length UTF-8 strings with length prefixes, checksums via zlib.crc32, reading back and validating, truncated-data errors.
import struct, io, zlib
HEADER = struct.Struct("<4sHI")
REC = struct.Struct("<IhdH")
def write(records):
    buf = io.BytesIO()
    buf.write(HEADER.pack(b"SPDB", 2, len(records)))
    for rid, temp, value, label in records:
        raw = label.encode("utf-8")
        buf.write(REC.pack(rid, temp, value, len(raw)))
        buf.write(raw)
    body = buf.getvalue()
    return body + struct.pack("<I", zlib.crc32(body))
def read(blob):
    body, (crc,) = blob[:-4], struct.unpack("<I", blob[-4:])
    if zlib.crc32(body) != crc:
        raise ValueError(f"checksum mismatch: {zlib.crc32(body):08x} != {crc:08x}")
    f = io.BytesIO(body)
    magic, version, count = HEADER.unpack(f.read(HEADER.size))
    if magic != b"SPDB":
        raise ValueError(f"bad magic {magic!r}")
    out = []
    for _ in range(count):
        chunk = f.read(REC.size)
        if len(chunk) < REC.size:
            raise EOFError(f"truncated record header ({len(chunk)} of {REC.size} bytes)")
        rid, temp, value, n = REC.unpack(chunk)
        label = f.read(n).decode("utf-8")
        out.append((rid, temp, value, label))
    return version, out
records = [(1, -40, 3.5, "freezer"), (2, 21, 0.1, "living room ☀"), (3, 300, -1e10, "")]
blob = write(records)
print(len(blob), blob[:10].hex(" "), HEADER.size, REC.size)
version, back = read(blob)
print(version, back, back == records)
bad = bytearray(blob); bad[12] ^= 0xFF
try:
    read(bytes(bad))
except ValueError as e:
    print("ValueError", e)
wrong_magic = b"XXXX" + blob[4:-4]
try:
    read(wrong_magic + struct.pack("<I", zlib.crc32(wrong_magic)))
except ValueError as e:
    print("ValueError", e)
short = blob[:HEADER.size + 5]
try:
    read(short + struct.pack("<I", zlib.crc32(short)))
except EOFError as e:
    print("EOFError", e)
try:
    write([(2**32, 0, 0.0, "x")])
except struct.error as e:
    print("struct.error", e)
try:
    write([(1, 40000, 0.0, "x")])
except struct.error as e:
    print("struct.error", e)
print([hex(b) for b in struct.pack(">I", 0xCAFEBABE)], struct.unpack("<4B", struct.pack("<I", 0x01020304)))
