# Pins: ast (parse/dump/unparse/literal_eval/walk/NodeTransformer) and tokenize on a small source, with positions.
import ast, tokenize, io
src = "def f(x, *, y=2):\n    return x + y * 3 if x else [i for i in range(y)]\n"
tree = ast.parse(src)
print(ast.dump(tree, indent=1)[:600])
print(ast.unparse(tree))
fn = tree.body[0]
print(type(fn).__name__, fn.name, fn.lineno, fn.col_offset, fn.end_lineno, fn.end_col_offset, [a.arg for a in fn.args.args], [a.arg for a in fn.args.kwonlyargs])
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
print(ast.literal_eval("{'a': [1, 2.5, (3, None)], 'b': {True, -4}}"), ast.literal_eval("1 + 2j"), ast.literal_eval("b'x'"))
for bad in ["__import__('os')", "f(1)", "[1, 2][0]"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError:", str(e).split(":")[0])
class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
t2 = ast.fix_missing_locations(Doubler().visit(ast.parse("a = 1 + 20")))
print(ast.unparse(t2))
ns = {}
exec(compile(t2, "<ast>", "exec"), ns)
print(ns["a"])
print(ast.dump(ast.parse("x: int = 1", mode="exec").body[0]))
print(ast.dump(ast.parse("1 if a else b", mode="eval")))
print(ast.get_docstring(ast.parse('def g():\n    """Doc."""\n')), ast.get_source_segment(src, fn.body[0]))
print([type(n).__name__ for n in ast.parse("match p:\n case [1, *r]: pass\n case {'k': v}: pass").body[0].cases[0].pattern.patterns])
toks = list(tokenize.generate_tokens(io.StringIO("x = f'{a}' + 1.5 # c\n").readline))
for t in toks:
    print(tokenize.tok_name[t.type], repr(t.string), t.start, t.end)
try:
    ast.parse("def (:")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
print(ast.unparse(ast.parse("lambda x, /, y=1, *a, k, **kw: (x, y)")), ast.unparse(ast.parse("type T[U] = list[U]")))
