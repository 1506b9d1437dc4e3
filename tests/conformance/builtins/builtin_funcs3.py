# Pins: builtin functions, part 3: print options, open/read/write in the cwd, exec/eval/compile with namespaces and modes, __import__, breakpoint-free help-free behaviour.
import sys, os
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(*range(3), sep="")
print("to stderr", file=sys.stderr)
print(sep="x")
print("flush", flush=True)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
name = "builtin_funcs3.tmp.txt"
with open(name, "w", encoding="utf-8") as f:
    n = f.write("line1\nline2 é\n")
    print("wrote", n, f.name, f.mode, f.closed)
print(f.closed)
with open(name, encoding="utf-8") as f:
    print(repr(f.read()))
with open(name, "rb") as f:
    print(f.read(5), f.tell(), f.read())
with open(name, "a") as f:
    f.write("appended\n")
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    print([l.rstrip() for l in f])
os.remove(name)
try:
    open(name)
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename, e.strerror)
try:
    open(name, "rw")
except ValueError as e:
    print("ValueError:", e)
ns = {}
exec("x = 5\ny = x * 2", ns)
print(ns["x"], ns["y"], "__builtins__" in ns)
print(eval("x + y", ns), eval("a * 2", {"a": 21}), eval("b", {}, {"b": "local"}))
code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code))
code = compile("for i in range(2): print('exec', i)", "<stmts>", "exec")
exec(code)
code = compile("7 * 6", "<single>", "single")
exec(code)
try:
    eval("x =")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, e.filename)
try:
    compile("pass", "f", "bogus")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("import os")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
def f():
    v = 1
    exec("v = 2")
    return v
print(f())
loc = {}
exec("def g(): return 'defined by exec'", {}, loc)
print(loc["g"]())
m = __import__("json")
print(m.__name__, __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__ in ("posixpath", "ntpath"))
print(eval("__name__"), eval("__name__", {}) if False else "skip", eval("[i for i in range(3)]"))
print(exec("pass"), eval(" 1 "), eval("\t2"))
print(compile("x", "<s>", "eval", flags=0, dont_inherit=True).co_names)
import ast
tree = compile("a + 1", "<ast>", "eval", ast.PyCF_ONLY_AST)
print(type(tree).__name__, ast.dump(tree))
