# Pins: exec/eval/compile details: separate globals and locals, class-like namespaces, closures in exec'd code, __builtins__ injection and restriction, compile flags and dont_inherit, and code object reuse.
g = {"x": 1}
l = {"y": 2}
exec("z = x + y\ndef f():\n    return x", g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l), l["z"])
try:
    l["f"]()
    print("f sees globals:", l["f"]())
except NameError as e:
    print("NameError:", e)
exec("def h():\n    return y", g, l)
try:
    l["h"]()
except NameError as e:
    print("NameError in exec'd function with separate locals:", e)
ns = {}
exec("a = 1\nclass K:\n    b = a + 1\n", ns)
print(ns["K"].b, "__builtins__" in ns)
restricted = {"__builtins__": {"len": len}}
print(eval("len('abc')", restricted))
try:
    eval("print('x')", restricted)
except NameError as e:
    print("NameError:", e)
try:
    eval("__import__('os')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
code = compile("result = base * 2", "<calc>", "exec")
for base in range(3):
    env = {"base": base}
    exec(code, env)
    print(env["result"], end=" ")
print()
print(code.co_filename, code.co_names, type(code).__name__)
expr = compile("a + b", "<e>", "eval")
print(eval(expr, {"a": 1, "b": 2}), eval(expr, {}, {"a": "x", "b": "y"}))
class Mapping:
    def __getitem__(self, k):
        if k == "magic":
            return 42
        raise KeyError(k)
print(eval("magic + 1", {}, Mapping()))
try:
    eval("missing", {}, Mapping())
except NameError as e:
    print("NameError:", e)
src = "def gen():\n    yield from range(3)\nout = list(gen())"
ns2 = {}
exec(src, ns2)
print(ns2["out"])
print(eval("(lambda n: [i * n for i in range(3)])(3)"))
single = compile("1 + 1\n", "<s>", "single")
exec(single)
exec(compile("x = 5", "<x>", "exec"), g)
print(g["x"])
try:
    compile("x = 1\n  y = 2", "<bad>", "exec")
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
try:
    compile("\0", "<nul>", "exec")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__ + ":", e)
import ast
tree = ast.parse("answer = 6 * 7")
ns3 = {}
exec(compile(tree, "<ast>", "exec"), ns3)
print(ns3["answer"])
print(eval("__builtins__ is not None"), type(eval("__builtins__", {})).__name__)
loc = {}
exec("import math as m\nr = m.floor(2.7)", {}, loc)
print(sorted(loc), loc["r"])
