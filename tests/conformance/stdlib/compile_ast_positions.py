# compile(tree, ...) takes its code positions (and SyntaxError positions)
# from the tree's nodes: tracebacks, carets, co_firstlineno, f_lineno,
# co_positions, for untransformed and transformed trees.
import ast
import linecache
import sys
import traceback


def codes(c):
    yield c
    for k in c.co_consts:
        if hasattr(k, 'co_code'):
            yield from codes(k)


def register(name, src):
    linecache.cache[name] = (len(src), None, src.splitlines(True), name)


def show_tb(e):
    for fs in traceback.extract_tb(e.__traceback__):
        if fs.filename.startswith('<'):
            print('  ', fs.filename, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, fs.name, repr(fs.line))


def show_format(e):
    for line in traceback.format_exception(e):
        if 'File "<' in line or line.startswith(' ') and 'File' not in line or not line.startswith(' '):
            for part in line.rstrip('\n').split('\n'):
                if 'compile_ast_positions' not in part and 'File "/' not in part:
                    print('  |' + part)


# 1. An untransformed tree compiles to the positions its source does.
SNIPPETS = [
    "x = 1\n\n\n# comment\ny = x + \\\n    2\n",
    "def f(a, b=2, *c, d, **e):\n    '''doc'''\n\n    # comment\n    return (a +\n            b)\n",
    "class C(\n    object,\n):\n    x: int = 3\n\n    def m(self):\n        return self.x\n\n    @property\n    def p(self):\n        return [i for i in range(3)\n                if i]\n",
    "try:\n    pass\nexcept (ValueError,\n        TypeError) as e:\n    raise\nfinally:\n    print('f')\n",
    "for i in range(3):\n    if i:\n        continue\n    elif i > 1:\n        break\nelse:\n    pass\n",
    "async def g(x):\n    async with x as y:\n        async for z in y:\n            await z\n    return [w async for w in x]\n",
    "match p:\n    case [1, *r] if r:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case C(a=1) | None:\n        pass\n",
    "print(sum(i * 2\n          for i in range(10)),\n      f'{x!r:>{w}} {y=}',\n      sep='')\n",
    "with open('a') as f, \\\n     open('b') as g:\n    data = f.read()\n",
    "lam = lambda a, *, b=1: (yield a)\nd = {k: v\n     for k, v in {}.items()}\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\n",
    "type A[T] = list[T]\ndef gen[T: int](a: T) -> T:\n    return a\n",
]
for i, s in enumerate(SNIPPETS):
    a = compile(s, 'snippet', 'exec')
    b = compile(ast.parse(s), 'snippet', 'exec')
    same = all(list(x.co_positions()) == list(y.co_positions()) and x.co_firstlineno == y.co_firstlineno
               and list(x.co_lines()) == list(y.co_lines())
               for x, y in zip(codes(a), codes(b)))
    print('snippet', i, same, len(list(codes(a))) == len(list(codes(b))))


# 2. A pytest-like rewrite: asserts become ifs raising AssertionError, with
# the locations of the assert copied onto the new nodes.
TEST_SRC = '''\
def helper(v):

    # a comment between statements

    return 10 // v


def test_values():
    a = 1


    # more blank lines and comments
    b = helper(a)
    assert b == 10

    c = helper(
        a - 1,
    )
    assert c == 0
'''


class RewriteAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        test = ast.UnaryOp(ast.Not(), node.test)
        exc = ast.Call(ast.Name('AssertionError', ast.Load()), [ast.Constant('rewritten')], [])
        new = ast.If(test, [ast.Raise(exc, None)], [])
        ast.copy_location(new, node)
        return ast.fix_missing_locations(new)


tree = RewriteAsserts().visit(ast.parse(TEST_SRC))
ast.fix_missing_locations(tree)
register('<ast>', TEST_SRC)
code = compile(tree, '<ast>', 'exec')
ns = {}
exec(code, ns)
print('firstlinenos', ns['helper'].__code__.co_firstlineno, ns['test_values'].__code__.co_firstlineno)
print('lines', sorted({l for _, _, l in ns['test_values'].__code__.co_lines() if l}))
try:
    ns['test_values']()
except ZeroDivisionError as e:
    print('ZeroDivisionError')
    show_tb(e)
    show_format(e)

# the failing assert: a rewritten node located at the assert
tree = RewriteAsserts().visit(ast.parse('x = 5\n\n\nassert x == 4, "no"\n'))
try:
    exec(compile(tree, '<ast>', 'exec'), {})
except AssertionError as e:
    print('AssertionError', e)
    show_tb(e)

# 3. A multi-line expression statement.
MULTI = '''\
def boom(x):
    return x.missing

result = [
    1,
    boom(
        2
    ),
]
'''
register('<multi>', MULTI)
try:
    exec(compile(ast.parse(MULTI), '<multi>', 'exec'), {})
except AttributeError as e:
    print('AttributeError')
    show_tb(e)
    show_format(e)

# 4. SyntaxErrors found compiling a tree carry the node's position, no text.
BAD = [
    "x = 1\n\nreturn 5\n",
    "for i in x:\n    def f():\n        break\n",
    "if x:\n    continue\n",
    "def f():\n    nonlocal q\n",
    "nonlocal z\n",
    "def f():\n    x = 1\n    global x\n",
    "class C:\n    yield 1\n",
    "def f():\n    return [(yield x) for x in y]\n",
    "async def f():\n    pass\nawait x\n",
]
for s in BAD:
    for name in ('<unknown>', 'bad.py'):
        try:
            compile(ast.parse(s), name, 'exec')
        except SyntaxError as e:
            print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
        else:
            print('compiled', repr(s))

# 5. Nodes without end positions (CPython takes the start).
t = ast.parse("a = 1\nb = 1 / 0\n")
for n in ast.walk(t):
    if hasattr(n, 'end_lineno'):
        n.end_lineno = None
        n.end_col_offset = None
try:
    exec(compile(t, '<noend>', 'exec'), {})
except ZeroDivisionError as e:
    show_tb(e)

# 6. ast.increment_lineno
t = ast.parse("def f():\n    x = 1\n    return x / 0\n")
ast.increment_lineno(t, 100)
ns = {}
exec(compile(t, '<inc>', 'exec'), ns)
print('increment', ns['f'].__code__.co_firstlineno)
try:
    ns['f']()
except ZeroDivisionError as e:
    show_tb(e)

# 7. eval and single modes
t = ast.parse("(1 +\n 2 +\n undefined_name)", mode='eval')
try:
    eval(compile(t, '<eval>', 'eval'))
except NameError as e:
    print('eval NameError')
    show_tb(e)
t = ast.parse("\n\nprint('single')\n", mode='single')
exec(compile(t, '<single>', 'single'), {})
t = ast.Interactive(body=[ast.parse("\n\n[1,\n 2][\n  5]").body[0]])
try:
    exec(compile(t, '<single>', 'single'), {})
except IndexError as e:
    print('single IndexError')
    show_tb(e)

# 8. f_lineno, decorators, class __firstlineno__
SRC = '''\
import sys


def deco(f):
    return f


@deco

@deco
def decorated():

    return sys._getframe().f_lineno


class K:

    x = 1
'''
ns = {}
exec(compile(ast.parse(SRC), '<deco>', 'exec'), ns)
print('f_lineno', ns['decorated'](), 'firstlineno', ns['decorated'].__code__.co_firstlineno,
      'class', ns['K'].__firstlineno__)

# 9. generated nodes: the statement at line 7, the rest filled in by
# fix_missing_locations; and ranges CPython's validator refuses.
call = ast.Call(ast.Name('int', ast.Load()), [ast.Constant('x')], [])
body = [ast.Expr(call, lineno=7, col_offset=4, end_lineno=7, end_col_offset=10)]
mod = ast.fix_missing_locations(ast.Module(body, []))
try:
    exec(compile(mod, '<gen>', 'exec'), {})
except ValueError as e:
    print('generated', e)
    show_tb(e)
for kw in [dict(lineno=7, col_offset=4, end_lineno=1, end_col_offset=0),
           dict(lineno=7, col_offset=4, end_lineno=7, end_col_offset=0),
           dict(lineno=-1, col_offset=4, end_lineno=7, end_col_offset=9),
           dict(lineno=3, col_offset=-1, end_lineno=3, end_col_offset=9)]:
    mod = ast.Module([ast.Expr(ast.Name('x', ast.Load(), **kw), **kw)], [])
    try:
        compile(mod, '<bad>', 'exec')
    except ValueError as e:
        print('ValueError', e)
mod = ast.Module([ast.Expr(ast.Name('x', ast.Load()), lineno=1)], [])
try:
    compile(mod, '<bad>', 'exec')
except TypeError as e:
    print('TypeError', e)

# 10. a transformed tree's positions: shifted node by node
t = ast.parse("def f(a):\n    return a.b + a.c\n")
for n in ast.walk(t):
    if hasattr(n, 'lineno') and n.lineno is not None:
        n.lineno += 3
        n.end_lineno += 3
        n.col_offset += 2
        n.end_col_offset += 2
ns = {}
exec(compile(t, '<shift>', 'exec'), ns)
print('shifted', ns['f'].__code__.co_firstlineno,
      sorted({p for p in ns['f'].__code__.co_positions() if p[0] is not None and p[2] is not None and p[0] > 4}))

# 11. compile-time SyntaxWarnings carry the tree's lines
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    compile(ast.parse("x = 1\n\n\nif x is 1:\n    pass\n"), '<warn>', 'exec')
for w in caught:
    print('warning', w.category.__name__, w.lineno, w.message)

# 12. non-ASCII text before the failing expression: columns are bytes
UNI = "s = 'é' ;  t = 'ü' + s.missing\n"
register('<uni>', UNI)
try:
    exec(compile(ast.parse(UNI), '<uni>', 'exec'), {})
except AttributeError as e:
    show_tb(e)
    show_format(e)
