# Pins: cProfile/_lsprof: call counts (primitive and recursive), callers, builtin labels ("<built-in method builtins.len>", "<method 'append' of 'list' objects>"), profiler_entry/profiler_subentry fields, enable/disable/clear, subcalls/builtins flags, run()/runcall()/context manager, and pstats reading it all; timings are never printed.
import cProfile
import io
import pstats
import _lsprof


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def gen(n):
    for i in range(n):
        yield i


def work():
    out = []
    for i in range(6):
        out.append(len(str(fib(i))))
    sorted(out)
    total = sum(x for x in out)
    try:
        int('x')
    except ValueError:
        pass
    return total


def table(stats):
    rows = []
    for (filename, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
        where = filename.rsplit('/', 1)[-1]
        rows.append((name, where, nc, cc, sorted((k[2], v[0], v[1]) for k, v in callers.items())))
    for r in sorted(rows):
        print(*r)


pr = cProfile.Profile()
pr.enable()
work()
pr.disable()
table(pstats.Stats(pr))
print('---')
with cProfile.Profile() as p2:
    fib(4)
table(pstats.Stats(p2))
print('---')
p3 = cProfile.Profile()
print(p3.runcall(fib, 3))
table(pstats.Stats(p3))
print('---')
p = _lsprof.Profiler()
p.enable()
fib(3)
p.disable()
for e in sorted(p.getstats(), key=lambda e: str(getattr(e.code, 'co_name', e.code))):
    name = getattr(e.code, 'co_name', e.code)
    calls = None if e.calls is None else sorted((getattr(c.code, 'co_name', c.code), c.callcount, c.reccallcount) for c in e.calls)
    print(type(e).__name__, name, e.callcount, e.reccallcount, type(e.totaltime).__name__, type(e.inlinetime).__name__, calls)
    print(e.totaltime >= e.inlinetime >= 0, len(e), e.n_fields)
print(_lsprof.profiler_entry.__module__, _lsprof.profiler_subentry.n_fields)
p.clear()
print(p.getstats())
p = _lsprof.Profiler(subcalls=False, builtins=False)
p.enable(subcalls=False, builtins=False)
fib(2)
len('x')
p.disable()
print(sorted((getattr(e.code, 'co_name', e.code), e.callcount, e.calls) for e in p.getstats()))
print(isinstance(pr, _lsprof.Profiler), cProfile.label(fib.__code__)[1:], cProfile.label('<x>'))
ticks = iter(range(0, 1000, 10))
p = cProfile.Profile(lambda: next(ticks), 0.5)
p.enable()
fib(2)
p.disable()
print(sorted((getattr(e.code, 'co_name', e.code), e.callcount, e.totaltime > 0) for e in p.getstats()))
s = io.StringIO()
pstats.Stats(pr, stream=s).sort_stats('ncalls', 'name').print_stats()
lines = [l.split()[0] + ' ' + l.split()[-1] for l in s.getvalue().splitlines() if l.strip() and l.split()[0][0].isdigit() and '(' in l.split()[-1]]
print(*lines, sep='\n')
