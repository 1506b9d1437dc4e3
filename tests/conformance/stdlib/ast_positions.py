# Pins: ast.parse node shapes and positions (decorated defs, elif chains, f/t-strings, match patterns, type params, byte columns) and compile() of a tree.
import ast
srcs = [
"@dec\n@dec2(1)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    '''doc'''\n    return a\n",
"@d\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass\n",
"@d\nclass C(B, metaclass=M):\n    x: int = 1\n    def m(self): ...\n",
"if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    y\nelse:\n    z\n",
"x = f'a{b!r:>{w}}c{d=}' 'e' f\"{x:{y}.2f}\"\n",
"y = u'abc' 'def'; z = b'a' b'b'; w = 1_000_000_000_000_000_000_000; c = 3j; fl = 1.5e3\n",
"try:\n    pass\nexcept* E as e:\n    pass\n",
"try:\n    a\nexcept (A, B):\n    b\nexcept C as c:\n    c\nelse:\n    d\nfinally:\n    e\n",
"match x:\n    case 1 | 2: pass\n    case {'a': b, **rest}: pass\n    case P(1, y=2) as z if z: pass\n    case None: pass\n    case [*_]: pass\n    case _: pass\n",
"from ..a.b import c as d, e\nimport x.y as z, w\nglobal g\n",
"a[1:2, ::3] = b\ndel a.b, c[0]\nx += 1\n(y := 3)\nlambda: 0\n{**a, 'b': 1}\n{x for x in y if x}\n{k: v for k, v in z}\nf(x for x in y)\n(x for x in y)\nf(*a, b=1, **c)\nnot a < b <= c is not d\n-x ** 2 // 3 @ y\n",
"def f[T: int, *Ts, **P](x: T) -> T: pass\ntype A[T = int] = list[T]\nclass K[T]: pass\n",
"x = t'hi {name!r} {v:>10}'\n",
"while x:\n    break\nelse:\n    continue\nassert x, 'm'\nraise E from F\nyield_ = 1\ndef g():\n    yield\n    yield from x\n    nonlocal q\n",
"s = 'héllo'; t = 'ü' + x\n",
"x = (\n  1,\n  2)\ny = 1,\n",
"with (open(a) as b, open(c)):\n    pass\n",
"f'{x!s}' f'{3.14:{prec}}'\nf'{{}}'\n",
"print(*a, sep='')\n",
"'\\ud800'\n",
]
for s in srcs:
    print(ast.dump(ast.parse(s), include_attributes=True, indent=None))
print(ast.dump(ast.parse("x", mode="single")))
print(ast.dump(ast.parse("1 + 2", mode="eval"), include_attributes=True))
import ast
t = ast.parse("x = 1\nprint(x + 41)\n")
exec(compile(t, "<ast>", "exec"))
print(eval(compile(ast.parse("6 * 7", mode="eval"), "<ast>", "eval")))
for bad in [ast.Module([ast.Expr(ast.Constant(1))], []), ast.Expression(ast.Constant(1))]:
    try:
        compile(bad, "<ast>", "exec")
    except TypeError as e:
        print("TypeError:", e)
try:
    compile("x\0", "<nul>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e)
