# Pins: code objects as dis/inspect/traceback read them (co_lines ranges, co_positions per code unit, co_code/co_exceptiontable layout, dis.get_instructions names and jump targets, findlinestarts, getclosurevars), and frame objects that follow their running frame (f_lineno, f_locals, identity, f_back) and keep their last state.
import dis, sys, inspect, traceback
def sample(a, b=2):
    c = a + b
    if c > 3:
        c = len(str(c))
    return c
co = sample.__code__
lines = list(co.co_lines())
print(lines[0][0] == 0, lines[-1][1] == len(co.co_code), all(x[1] == y[0] for x, y in zip(lines, lines[1:])), all(s < e for s, e, _ in lines))
print(sorted({l for _, _, l in lines if l is not None}) == list(range(co.co_firstlineno, co.co_firstlineno + 5)))
print(len(list(co.co_positions())) == len(co.co_code) // 2, type(co.co_exceptiontable).__name__, co._varname_from_oparg(0), co._varname_from_oparg(2))
ins = list(dis.get_instructions(sample))
offsets = {i.offset for i in ins}
print([i.argval for i in ins if i.opname == "LOAD_GLOBAL"], [i.argval for i in ins if i.opname == "STORE_FAST"], ins[-1].opname)
print(all(i.argval in offsets for i in ins if i.opname.startswith(("POP_JUMP", "JUMP"))), [line for _, line in dis.findlinestarts(co)])
print({i.positions.lineno for i in ins if i.opname == "BINARY_OP"} == {co.co_firstlineno + 1})
def guarded(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return None
    finally:
        x = 0
table = dis._parse_exception_table(guarded.__code__)
goffsets = {i.offset for i in dis.get_instructions(guarded)}
print(len(table) > 0, all(e.start < e.end and e.target in goffsets for e in table), guarded(0), guarded(3))
def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    while total > 10:
        total -= 7
    return total
lins = list(dis.get_instructions(loop))
print(loop(10), any(i.opname == "JUMP_BACKWARD" and i.argval < i.offset for i in lins), all(i.argval in {j.offset for j in lins} for i in lins if "JUMP" in i.opname or i.opname == "FOR_ITER"))
big = "def wide():\n" + "".join(f"    v{i} = {i}\n" for i in range(300)) + "    return v299\n"
ns = {}
exec(big, ns)
wide = list(dis.get_instructions(ns["wide"]))
print(ns["wide"](), [i.argval for i in wide if i.opname == "STORE_FAST"][-1], wide[-2].argval)
def fails(x):
    return 1 / x
try:
    fails(0)
except ZeroDivisionError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, tb.tb_lasti % 2, tb.tb_frame.f_code.co_name)
y = 10
def uses(x):
    z = x + y
    return len(str(z)), x.real
cv = inspect.getclosurevars(uses)
print(cv.nonlocals, cv.globals, sorted(cv.builtins), sorted(cv.unbound))
def where():
    f = sys._getframe()
    first = f.f_lineno
    second = f.f_lineno
    return second - first, f is sys._getframe(), f.f_back is sys._getframe(1), f.f_back.f_code.co_name
print(where())
def keep(a):
    b = a * 2
    return sys._getframe()
fr = keep(21)
print(sorted(fr.f_locals.items()), fr.f_lineno - keep.__code__.co_firstlineno, fr.f_code.co_name)
def changing():
    f = sys._getframe()
    before = sorted(f.f_locals)
    later = 1
    return before, sorted(f.f_locals)
print(changing())
def gen():
    a = 1
    yield
    b = 2
    yield
g = gen()
next(g)
print(inspect.getgeneratorlocals(g), g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
next(g)
print(inspect.getgeneratorlocals(g))
