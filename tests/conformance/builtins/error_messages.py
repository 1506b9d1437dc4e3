# Pins: messages of common TypeError/ValueError/IndexError/KeyError/AttributeError/NameError raised by builtins and the VM, including 3.14 "Did you mean" suggestions.
import traceback
def show(src, ns=None):
    try:
        exec(src, ns if ns is not None else {})
        print("no error:", src)
    except Exception as e:
        line = traceback.format_exception_only(e)[-1].rstrip()
        print(f"{src!r:40} -> {line}")
cases = [
    "1 + 'a'", "'a' + 1", "[] + ()", "None[0]", "len(1)", "5()", "'abc'.foo", "int.nope", "[1][5]", "'ab'[9]",
    "{}['k']", "{'a': 1}[('t',)]", "x = undefined_name", "import math; math.pii", "[].appendd(1)",
    "class A:\n    def __init__(self):\n        self.value = 1\nA().valeu", "lenn([])", "def f():\n    vaar = 1\n    return var\nf()",
    "int('x')", "float('y')", "[].index(1)", "'a'.index('b')", "(1).real = 2", "del [].append", "a, b = 1",
    "iter(5)", "next(iter([]))", "{}.pop(1)", "[].pop()", "set().pop()", "'%d' % 'x'", "'{}'.format()", "sorted([1, None])",
    "1 < 'a'", "-'a'", "~1.5", "[1, 2] * 1.5", "'a' * 'b'", "hash([])", "{[]: 1}", "int(None)", "chr(-1)", "range(1.5)",
    "bytes(-1)", "object().x = 1", "tuple()[0]", "abs(None)", "print(end=5)", "f'{1:zz}'", "1 / 0", "10 % 0",
    "import collections; collections.OrderDict", "def g(a): pass\ng(1, 2)", "def h(*, k): pass\nh(1)",
    "str.join()", "'x'.join(1)", "list(1)", "dict(1)", "max()", "divmod(1, 'a')", "round(1, 'a')", "(lambda: 1)(2)",
    "class B: pass\nB().method()", "import sys; sys.maxsizee", "True.x", "getattr(1, 'bitlength')",
]
for c in cases:
    show(c)
show("numpy_like = 1\nnumpy_lik")
show("from math import sine")
show("import json as js\njs.dumpz")
show("class Cls:\n    attribute = 1\n    def m(self):\n        return attribute\nCls().m()")
