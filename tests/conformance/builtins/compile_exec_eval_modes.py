# Pins: compile() modes exec/eval/single, flags (dont_inherit, PyCF_ONLY_AST), code object attributes, eval with globals/locals mappings, exec return None, globals builtins injection, SyntaxError details from compile, eval of expressions only.
import ast
code = compile("x = 10\ny = x * 2", "<cfg>", "exec")
ns = {}
print(exec(code, ns), ns["y"], "__builtins__" in ns, code.co_filename, code.co_name)
e = compile("a + b", "<expr>", "eval")
print(eval(e, {"a": 1, "b": 2}), eval(e, {}, {"a": "x", "b": "y"}), e.co_names)
s = compile("print('single mode', 40 + 2)", "<single>", "single")
exec(s)
tree = compile("z = 1 + 2", "<ast>", "exec", ast.PyCF_ONLY_AST)
print(type(tree).__name__, ast.dump(tree.body[0]))
print(eval(compile(ast.fix_missing_locations(ast.Expression(ast.Constant(99))), "<built>", "eval")))
for src, mode in [("x =", "exec"), ("1 +", "eval"), ("x = 1", "eval"), ("a\n  b", "exec"), ("return 5", "exec"), ("def f(:", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as ex:
        print(repr(src), mode, type(ex).__name__, ex.msg, ex.lineno, ex.offset)
try:
    compile("1", "<x>", "bogus")
except ValueError as ex:
    print("ValueError", ex)
try:
    eval("import os")
except SyntaxError as ex:
    print("SyntaxError", ex.msg)
g = {"__builtins__": {"len": len}}
print(eval("len('abc')", g))
try:
    eval("print('x')", g)
except NameError as ex:
    print("NameError", ex)
class Mapping(dict):
    def __missing__(self, key):
        return f"<{key}>"
print(eval("undefined_name + '!'", {}, Mapping()))
loc = {}
exec("def f(n): return n * 3\nresult = f(5)", {}, loc)
print(sorted(loc), loc["result"])
def scope_test():
    v = 1
    exec("v = 2")
    return v
print(scope_test())
print(eval("[i * i for i in range(4)]"), eval("(lambda q: q + 1)(1)"), eval("  7  "), eval("\n8\n"))
fn_code = compile("def g(a, b=2, *c, d, **e):\n    local = a\n    return local", "<fn>", "exec")
gns = {}
exec(fn_code, gns)
c = gns["g"].__code__
print(c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount, c.co_varnames, c.co_name, c.co_firstlineno, c.co_qualname)
print(eval(b"1 + 1"), exec(b"pass"), eval("__name__"), eval("__name__", {"__name__": "custom"}))
try:
    eval("1", [])
except TypeError as ex:
    print("TypeError", ex)
try:
    exec(123)
except TypeError as ex:
    print("TypeError", ex)
print(compile("pass", "f", "exec").co_consts[-1] if compile("pass", "f", "exec").co_consts else None, type(compile("1", "f", "eval")).__name__)
