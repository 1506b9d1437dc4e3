# Pins: CSV processing program: read CSV with DictReader from a string, type conversion with error rows, aggregation per group, writing a summary CSV with DictWriter to StringIO (QUOTE_NONNUMERIC), and round-tripping it back.
import csv, io, collections, statistics
DATA = """region,product,units,price
north,widget,10,2.50
south,widget,4,2.50
north,gadget,3,19.99
east,widget,,2.50
south,gadget,7,18.00
north,widget,5,2.40
west,gizmo,two,5.00
east,gadget,1,21.00
"""
rows, bad = [], []
for lineno, rec in enumerate(csv.DictReader(io.StringIO(DATA)), start=2):
    try:
        rows.append({**rec, "units": int(rec["units"]), "price": float(rec["price"])})
    except ValueError as e:
        bad.append((lineno, rec["region"], str(e)))
print(len(rows), bad)
by_region = collections.defaultdict(list)
for r in rows:
    by_region[r["region"]].append(r)
summary = []
for region in sorted(by_region):
    rs = by_region[region]
    revenue = sum(r["units"] * r["price"] for r in rs)
    summary.append({"region": region, "orders": len(rs), "units": sum(r["units"] for r in rs), "revenue": round(revenue, 2), "avg_price": round(statistics.mean(r["price"] for r in rs), 3)})
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["region", "orders", "units", "revenue", "avg_price"], quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writeheader()
w.writerows(summary)
print(out.getvalue())
back = list(csv.reader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONNUMERIC))
print(back[0], back[1], [type(v).__name__ for v in back[1]])
best = max(summary, key=lambda s: s["revenue"])
print(f"best region: {best['region']} ({best['revenue']:.2f})")
pivot = collections.Counter()
for r in rows:
    pivot[(r["region"], r["product"])] += r["units"]
products = sorted({p for _, p in pivot})
print("region  " + "".join(f"{p:>8}" for p in products))
for region in sorted(by_region):
    print(f"{region:<8}" + "".join(f"{pivot[(region, p)]:>8}" for p in products))
t = io.StringIO()
csv.writer(t, lineterminator="\n").writerows([["a,b", 'quote"d', "multi\nline", None, 3.0]])
print(repr(t.getvalue()), list(csv.reader(io.StringIO(t.getvalue()))))
