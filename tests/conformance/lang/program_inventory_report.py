# Pins: a small inventory program: dataclasses with ordering, dict grouping, sorted multi-key reports, f-string table formatting with alignment and thousands separators, Decimal money totals, error handling for bad records.
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from collections import defaultdict
@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    sku: str
    name: str
    category: str
    qty: int
    price: Decimal
    def __post_init__(self):
        if self.qty < 0:
            raise ValueError(f"{self.sku}: negative quantity {self.qty}")
        self.sort_key = (self.category, -self.qty, self.sku)
    @property
    def value(self):
        return (self.price * self.qty).quantize(Decimal("0.01"), ROUND_HALF_UP)
raw = [
    ("A-100", "Widget", "hardware", "120", "2.50"),
    ("A-101", "Gadget", "hardware", "15", "19.99"),
    ("B-200", "Manual", "books", "40", "7.125"),
    ("B-201", "Guide", "books", "x", "5.00"),
    ("C-300", "Cable", "electronics", "300", "1.05"),
    ("C-301", "Charger", "electronics", "-2", "12.00"),
    ("C-302", "Adapter", "electronics", "300", "3.333"),
]
items, errors = [], []
for rec in raw:
    sku, name, cat, qty, price = rec
    try:
        items.append(Item(sku, name, cat, int(qty), Decimal(price)))
    except ValueError as e:
        errors.append(f"{sku}: {type(e).__name__}: {e}")
print(f"loaded {len(items)} items, {len(errors)} errors")
for e in errors:
    print("  !", e)
header = f"{'SKU':<6} {'Name':<8} {'Category':<12} {'Qty':>5} {'Price':>8} {'Value':>10}"
print(header)
print("-" * len(header))
for it in sorted(items):
    print(f"{it.sku:<6} {it.name:<8} {it.category:<12} {it.qty:>5,} {it.price:>8} {it.value:>10,}")
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
print()
for cat in sorted(by_cat, key=lambda c: -sum(i.value for i in by_cat[c])):
    group = by_cat[cat]
    total = sum((i.value for i in group), Decimal(0))
    print(f"{cat:>12}: {len(group)} sku(s), {sum(i.qty for i in group):>4} units, total {total:>9,.2f}")
grand = sum((i.value for i in items), Decimal(0))
print(f"{'GRAND TOTAL':>12}: {grand:,.2f}  avg/sku {grand / len(items):.3f}")
top = max(items, key=lambda i: i.value)
low = min(items, key=lambda i: (i.qty, i.sku))
print("top value:", top.sku, top.value, "| lowest stock:", low.sku, low.qty)
print([i.sku for i in sorted(items, key=lambda i: (i.price, i.sku), reverse=True)])
restock = {i.sku: max(0, 100 - i.qty) for i in items if i.qty < 100}
print("restock:", restock)
print(repr(items[0])[:60])
