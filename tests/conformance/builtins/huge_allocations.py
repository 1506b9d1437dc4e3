# Pins: an allocation whose size Python code chooses raises CPython's MemoryError or OverflowError (with its message) at once, never aborting or exhausting memory; every size here passes 2**47 bytes, beyond any process's address space, so no case really allocates.
# recorded-with: cpython-3.13
# Why 3.13: CPython 3.14 on WebAssembly is 32-bit (Py_ssize_t max 2**31-1), so every size here overflows an index there and it prints OverflowError ("cannot fit 'int' into an index-sized integer", "Python int too large to convert to C ssize_t", "Too many decimal digits in format string") where a 64-bit CPython reaches the allocation; checked line by line, each difference is that one.
import array
import collections
import io
import itertools
import operator
import os

N = 2**62
BIG = 2**50


def attempt(label, make):
    try:
        r = make()
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__, repr(str(e)))
    else:
        print(label, "-> ok", type(r).__name__, len(r) if hasattr(r, "__len__") else r)


class Hinted:
    """An iterator of `n` items that claims `hint` with __length_hint__."""

    def __init__(self, n, hint):
        self.i = 0
        self.n = n
        self.hint = hint

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration
        return self.i

    def __length_hint__(self):
        return self.hint


def extended(iterable):
    out = [0]
    out.extend(iterable)
    return out


def in_place(v, n):
    v *= n
    return v


def sought_text(pos):
    s = io.StringIO()
    s.seek(pos)
    s.write("x")
    return s


def sought(pos):
    b = io.BytesIO()
    b.seek(pos)
    b.write(b"x")
    return b


# bytes and bytearray of a count
attempt("bytearray(N)", lambda: bytearray(N))
attempt("bytes(N)", lambda: bytes(N))
attempt("bytearray(2**63)", lambda: bytearray(2**63))
attempt("bytes(2**63)", lambda: bytes(2**63))
attempt("bytearray(2**63-1)", lambda: bytearray(2**63 - 1))
attempt("bytes(2**63-1)", lambda: bytes(2**63 - 1))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytes(-2**70)", lambda: bytes(-(2**70)))
attempt("bytearray(-2**70)", lambda: bytearray(-(2**70)))

# room made from a length hint
attempt("list(range(N))", lambda: list(range(N)))
attempt("tuple(range(N))", lambda: tuple(range(N)))
attempt("bytes(range(N))", lambda: bytes(range(N)))
attempt("bytearray(range(N))", lambda: bytearray(range(N)))
attempt("extend(range(N))", lambda: extended(range(N)))
attempt("extend(hint N, 3 items)", lambda: extended(Hinted(3, N)))
attempt("extend(hint BIG, 3 items)", lambda: extended(Hinted(3, BIG)))
attempt("list(hint N, 3 items)", lambda: list(Hinted(3, N)))
attempt("extend(hint 1, 50 items)", lambda: extended(Hinted(50, 1)))
attempt("extend(hint 0, 5 items)", lambda: extended(Hinted(5, 0)))
attempt("extend(hint NotImplemented)", lambda: extended(Hinted(4, NotImplemented)))
attempt("extend(hint -1)", lambda: extended(Hinted(2, -1)))
attempt("extend(hint 'x')", lambda: extended(Hinted(2, "x")))
attempt("length_hint", lambda: operator.length_hint(Hinted(3, N)))
attempt("bytearray.extend(range(N))", lambda: bytearray().extend(range(N)))
attempt("bytearray.extend(repeat)", lambda: bytearray().extend(itertools.repeat(1, N)))
attempt("array('b', range(N))", lambda: array.array("b", range(N)))
attempt("list(repeat)", lambda: list(itertools.repeat(None, N)))
attempt("list(reversed(range(N)))", lambda: list(reversed(range(N))))
attempt("sorted(range(N))", lambda: sorted(range(N)))
attempt("print(*range(N))", lambda: print(*range(N)))
attempt("list(range(2**64))", lambda: list(range(2**64)))

# repetition
attempt("[None] * N", lambda: [None] * N)
attempt("[1, 2] * N", lambda: [1, 2] * N)
attempt("[] * N", lambda: [] * N)
attempt("(None,) * N", lambda: (None,) * N)
attempt("list *= N", lambda: in_place([1], N))
attempt("b'x' * N", lambda: b"x" * N)
attempt("b'xx' * N", lambda: b"xx" * N)
attempt("b'' * N", lambda: b"" * N)
attempt("bytearray(b'xx') * N", lambda: bytearray(b"xx") * N)
attempt("bytearray *= N", lambda: in_place(bytearray(b"xx"), N))
attempt("'x' * N", lambda: "x" * N)
attempt("'xx' * N", lambda: "xx" * N)
attempt("'\\u1234' * N", lambda: "\u1234" * N)
attempt("'x' * (2**63-1)", lambda: "x" * (2**63 - 1))
attempt("array('b') * N", lambda: array.array("b", [0]) * N)
attempt("array('q') * N", lambda: array.array("q", [0]) * N)
attempt("array *= N", lambda: in_place(array.array("b", [0]), N))

# padding to a width
attempt("'x'.ljust(N)", lambda: "x".ljust(N))
attempt("'x'.rjust(N)", lambda: "x".rjust(N))
attempt("'x'.center(N)", lambda: "x".center(N))
attempt("'x'.zfill(N)", lambda: "x".zfill(N))
attempt("b'x'.ljust(N)", lambda: b"x".ljust(N))
attempt("b'x'.center(N)", lambda: b"x".center(N))
attempt("b'x'.ljust(2**63-1)", lambda: b"x".ljust(2**63 - 1))
attempt("bytearray(b'x').zfill(N)", lambda: bytearray(b"x").zfill(N))
attempt("bytearray(b'x').ljust(2**63-1)", lambda: bytearray(b"x").ljust(2**63 - 1))
attempt("'\\t'.expandtabs(N)", lambda: "\t".expandtabs(N))
attempt("'a\\tb'.expandtabs(2**40)", lambda: "a\tb".expandtabs(2**40))
attempt("b'\\t'.expandtabs(N)", lambda: b"\t".expandtabs(N))

# formatting widths and precisions
attempt("'%*d' % (BIG, 1)", lambda: "%*d" % (BIG, 1))
attempt("'%*d' % (N, 1)", lambda: "%*d" % (N, 1))
attempt("'%.*f' % (2**40, 1.0)", lambda: "%.*f" % (2**40, 1.0))
attempt("'%2000000000000000d' % 1", lambda: "%2000000000000000d" % 1)
attempt("'%.2000000000000d' % 1", lambda: "%.2000000000000d" % 1)
attempt("b'%*d' % (BIG, 1)", lambda: b"%*d" % (BIG, 1))
attempt("b'%2000000000000000d' % 1", lambda: b"%2000000000000000d" % 1)
attempt("format(1, '2000000000000000d')", lambda: format(1, "2000000000000000d"))
attempt("format(1, '20000000000000000000d')", lambda: format(1, "20000000000000000000d"))
attempt("format('x', '2000000000000000')", lambda: format("x", "2000000000000000"))
attempt("format(1.0, '2000000000000000f')", lambda: format(1.0, "2000000000000000f"))
attempt("format(1.0, '.2000000000000f')", lambda: format(1.0, ".2000000000000f"))
attempt("format(1j, '.2000000000000f')", lambda: format(1j, ".2000000000000f"))
attempt("format(1, '.2000000000000d')", lambda: format(1, ".2000000000000d"))
attempt("'{:2000000000000000}'.format(1)", lambda: "{:2000000000000000}".format(1))
attempt("f'{1:2000000000000000}'", lambda: f"{1:2000000000000000}")

# other sizes from arguments
attempt("(1).to_bytes(BIG)", lambda: (1).to_bytes(BIG, "big"))
attempt("(1).to_bytes(N)", lambda: (1).to_bytes(N, "big"))
attempt("1 << 2**62", lambda: 1 << 2**62)
attempt("os.urandom(N)", lambda: os.urandom(N))
attempt("BytesIO write at N", lambda: sought(N))
attempt("StringIO write at N", lambda: sought_text(N))
attempt("'x'.replace('x', 'y' * BIG)", lambda: ("x" * 1000).replace("x", "y" * BIG))
attempt("deque(maxlen=N)", lambda: collections.deque(maxlen=N))
