# Pins: print(): sep/end/file/flush arguments, None sep/end meaning defaults, non-str sep error, objects' __str__ used (and __repr__ fallback), printing to StringIO and stderr ordering, print with no args.
import io, sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=" -> ", end=" <end>\n")
print("no newline", end="")
print(" | continued")
print("x", "y", sep=None, end=None)
print()
print(*range(5), sep=", ")
print(*[], sep="unused", end="only end\n")
class S:
    def __str__(self): return "S.__str__"
class R:
    def __repr__(self): return "R.__repr__"
print(S(), R(), [R()], None, True, 1.0, 1e100, b"bytes", {"k": R()})
buf = io.StringIO()
print("to buffer", 1, 2, sep="|", file=buf)
print("second", file=buf, end="!")
print(repr(buf.getvalue()))
for bad in [{"sep": 5}, {"end": b"x"}, {"file": "notafile"}, {"bogus": 1}]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print("flushed", flush=True)
print("to stderr", file=sys.stderr)
print("file=None goes to stdout", file=None)
class Writer:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = Writer()
print("a", "b", file=w, sep="+", end="$")
print(w.parts)
class BadStr:
    def __str__(self): raise ValueError("cannot str")
try:
    print("before", BadStr())
except ValueError as e:
    print("ValueError", e)
print("tab\tsep", "uni é ✓ 😀", "\x00null".encode(), sep="\t")
print(f"{'nested':>10}", "%5.1f" % 3.14159, format(42, "08b"))
sys.stdout.write("direct write\n")
print("é" * 3, len("é" * 3), sep=":")
print(repr(""), "", "end", sep="|")
