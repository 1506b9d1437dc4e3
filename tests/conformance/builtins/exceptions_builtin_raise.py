# Pins: exceptions raised by builtin operations in loops and containers: StopIteration from next() in generators turning into RuntimeError, KeyError in dict.__getitem__ with __missing__, IndexError vs StopIteration in old-style iteration, and exception args of builtins.
def gen():
    it = iter([1])
    while True:
        yield next(it)
try:
    print(list(gen()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError
print(list(Seq()), [x for x in Seq()], 2 in Seq(), 5 in Seq())
class BadSeq:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(BadSeq())
except KeyError as e:
    print("KeyError propagates:", e)
for expr in ["[1, 2][10]", "{'a': 1}['b']", "'abc'.index('z')", "int('12a')", "[].pop()", "{}.popitem()", "(1, 2).index(3)",
             "next(iter(()))", "divmod(1, 0)", "float('x')", "chr(-5)", "ord('')", "bytes([300])", "'a' < 1", "len(iter([]))",
             "sum('abc')", "sorted(5)", "dict.fromkeys(5)", "list(range(3))[::0]", "b'a'.decode('no-such')"]:
    try:
        eval(expr)
        print(expr, "-> no error")
    except Exception as e:
        print(f"{expr:28} {type(e).__name__:18} {e.args!r}")
