# Pins: data pipeline program combining operator (itemgetter/attrgetter/methodcaller), functools (reduce/partial/cmp_to_key/singledispatch) and itertools.groupby: multi-key sorting with mixed directions, grouping with reductions, and dispatch-based rendering.
import operator as op, functools as ft, itertools as it
from collections import namedtuple
Sale = namedtuple("Sale", "region rep amount quarter")
sales = [Sale("EU", "ann", 120.0, 1), Sale("US", "bob", 300.0, 1), Sale("EU", "cid", 80.0, 2), Sale("US", "ann", 150.0, 2), Sale("EU", "ann", 200.0, 3), Sale("APAC", "dee", 90.0, 1), Sale("US", "bob", 300.0, 3)]
by_region_amount = sorted(sales, key=op.attrgetter("region", "amount"))
print([(s.region, s.amount) for s in by_region_amount])
def cmp(a, b):
    return (a.region > b.region) - (a.region < b.region) or (b.amount > a.amount) - (b.amount < a.amount) or (a.rep > b.rep) - (a.rep < b.rep)
print([(s.region, s.amount, s.rep) for s in sorted(sales, key=ft.cmp_to_key(cmp))])
two_step = sorted(sorted(sales, key=op.attrgetter("amount"), reverse=True), key=op.attrgetter("region"))
print([(s.region, s.amount) for s in two_step] == [(s.region, s.amount) for s in sorted(sales, key=ft.cmp_to_key(cmp))])
totals = {k: ft.reduce(op.add, map(op.attrgetter("amount"), g)) for k, g in it.groupby(sorted(sales, key=op.attrgetter("region")), key=op.attrgetter("region"))}
print(totals, max(totals.items(), key=op.itemgetter(1)))
by_rep = {rep: sorted(map(op.attrgetter("quarter"), g)) for rep, g in it.groupby(sorted(sales, key=op.attrgetter("rep")), op.attrgetter("rep"))}
print(by_rep)
above = ft.partial(filter, lambda s: s.amount >= 150)
print([s.rep for s in above(sales)], list(map(op.methodcaller("_replace", amount=0), sales[:1])))
scale = ft.partial(op.mul, 1.1)
print([round(scale(s.amount), 2) for s in sales[:3]], ft.reduce(lambda acc, s: acc | {s.region}, sales, frozenset()) == {"EU", "US", "APAC"})
@ft.singledispatch
def render(x):
    return f"<{type(x).__name__}>"
@render.register
def _(x: float): return f"{x:,.2f}"
@render.register
def _(x: int): return f"#{x}"
@render.register
def _(x: tuple): return "(" + ", ".join(render(v) for v in x) + ")"
@render.register
def _(x: str): return x.upper()
print([render(v) for v in [sales[0], 3, 2.5, "eu", None, (1, 2.0, "x")]])
cum = list(it.accumulate(map(op.attrgetter("amount"), sorted(sales, key=op.attrgetter("quarter")))))
print(cum, list(it.accumulate(sales, lambda best, s: s if s.amount > best.amount else best))[-1].rep)
print(op.itemgetter(*range(0, 7, 3))(sales)[1].rep, ft.reduce(op.mul, range(1, 8)), sum(map(op.mul, [1, 2, 3], [4, 5, 6])))
