# Pins: struct formats with huge repeat counts: a total size up to sys.maxsize compiles without taking room (calcsize answers at once), one beyond it is struct.error "total struct size too long", packing a huge layout checks the argument count and the buffer first and then raises MemoryError (or OverflowError for a bytes object too large to have), and unpacking reports the buffer size it needs.
# recorded-with: cpython-3.13
# Why 3.13: CPython 3.14 on WebAssembly is 32-bit, so every count here is "total struct size too long" there; every size packed here passes 2**47 bytes, beyond any process's address space, so no case really allocates. Checked: under ../shared/tools/python3.14 every line that differs from this recording says "total struct size too long" (sizes past its 2**31-1), until a pack_into offset past 2**31-1 raises "cannot fit 'int' into an index-sized integer" (line 47), where that run stops.
import struct

N = 2**62


def attempt(label, make):
    try:
        r = make()
    except (MemoryError, OverflowError, ValueError, TypeError, struct.error) as e:
        print(label, "->", type(e).__name__, repr(str(e)))
    else:
        print(label, "=", r if r is None or isinstance(r, int) else (type(r).__name__, len(r)))


for fmt in [f"{N}s", f"{N}p", f"{N}x", f"{2**60}i", f"{2**60}q", f"<{2**60}q", f"{2**61}i", f"{2**63 - 1}s",
            f"{2**63}s", f"{2**64}s", f"{2**70}x", f"{N}s{N}s", f"{N}s{N - 1}s", f"{2**63 - 1}xi", f"<{2**63 - 1}xi",
            f"{2**63 - 2}xh", f"c{2**61}i", f"{2**61}d", f"{2**60}d", f"{N}?", f"0s{N}x"]:
    attempt(f"calcsize {fmt!r}", lambda: struct.calcsize(fmt))

attempt("pack Ns", lambda: struct.pack(f"{N}s", b""))
attempt("pack Np", lambda: struct.pack(f"{N}p", b"abc"))
attempt("pack Nx", lambda: struct.pack(f"{N}x"))
attempt("pack 2**47x", lambda: struct.pack(f"{2**47}x"))
attempt("pack (2**63-1)s", lambda: struct.pack(f"{2**63 - 1}s", b""))
attempt("pack Ns no args", lambda: struct.pack(f"{N}s"))
attempt("pack 2**60i no args", lambda: struct.pack(f"{2**60}i"))
attempt("pack 2**60i one arg", lambda: struct.pack(f"{2**60}i", 1))
attempt("Struct 2**60q size", lambda: struct.Struct(f"{2**60}q").size)
attempt("unpack 2**60i", lambda: struct.unpack(f"{2**60}i", b""))
attempt("unpack Ns", lambda: struct.unpack(f"{N}s", b"abc"))
attempt("unpack_from Ns", lambda: struct.unpack_from(f"{N}s", b"abc"))
attempt("unpack_from Ns at 1", lambda: struct.unpack_from(f"{N}s", b"abc", 1))
attempt("iter_unpack 2**60i", lambda: list(struct.iter_unpack(f"{2**60}i", b"")))
attempt("iter_unpack Ns", lambda: struct.iter_unpack(f"{N}s", b"abcd"))
attempt("pack_into Ns", lambda: struct.pack_into(f"{N}s", bytearray(10), 0, b""))
attempt("pack_into Ns at -3", lambda: struct.pack_into(f"{N}s", bytearray(10), -3, b""))
attempt("pack_into Ns at 11", lambda: struct.pack_into(f"{N}s", bytearray(10), 11, b""))
attempt("pack_into 2**60i no args", lambda: struct.pack_into(f"{2**60}i", bytearray(10), 0))
attempt("pack_into bad value, small buffer", lambda: struct.pack_into("4i", bytearray(10), 0, 1, 2, 3, "x"))
# small repeat counts still expand to one value each
print(struct.pack("3h2s", 1, 2, 3, b"ab"), struct.unpack("<3h2x", b"\x01\x00\x02\x00\x03\x00\x00\x00"))
print(struct.calcsize("@c3i"), struct.calcsize("=c3i"), struct.pack("0i2?", True, False))
for off in [-11, -10, -5, -4, -3, 0, 6, 7, 10, 11, 2**40]:
    attempt(f"pack_into 'i' at {off}", lambda: struct.pack_into("i", bytearray(10), off, 7))
