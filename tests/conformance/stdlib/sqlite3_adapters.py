# sqlite3: adapters, converters, PARSE_DECLTYPES, PARSE_COLNAMES, the adaption protocol.
import datetime
import sqlite3
import warnings

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def adapt_point(p):
    return f"{p.x};{p.y}"

def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)

sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print((Point, sqlite3.PrepareProtocol) in sqlite3.adapters, "POINT" in sqlite3.converters)

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("create table t(p point, q Point not null, n integer)")
con.execute("insert into t values (?, ?, ?)", (Point(1, 2), Point(3, 4), 5))
print(con.execute("select p, q, n from t").fetchone())
print(con.execute("select p || '' from t").fetchone())
con.close()

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
print(con.execute('select ? as "p [point]", ? as "plain"', (Point(5, 6), "x")).fetchone())
cur = con.execute('select 1 as "a [point]"')
print(cur.description[0][0])
print(con.execute('select null as "p [point]"').fetchone())
con.close()

# __conform__ on the object.
class Conformer:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"

con = sqlite3.connect(":memory:")
print(con.execute("select ?", (Conformer(),)).fetchone())
print(sqlite3.adapt(Point(7, 8)))
try:
    sqlite3.adapt(object())
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
print(sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"))

# An adapter for a base type applies to every value of it.
sqlite3.register_adapter(int, lambda i: i * 10)
print(con.execute("select ?", (4,)).fetchone())
del sqlite3.adapters[(int, sqlite3.PrepareProtocol)]
print(con.execute("select ?", (4,)).fetchone())

# The deprecated default datetime adapters and converters.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
    con.execute("create table d(day date, ts timestamp)")
    con.execute("insert into d values (?, ?)",
                (datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 12, 30, 15, 250)))
    print(con.execute("select day, ts from d").fetchone())
    print(sorted({str(x.message)[:40] for x in w}))
con.close()

# A converter that raises.
sqlite3.register_converter("boom", lambda b: 1 / 0)
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("create table b(x boom)")
con.execute("insert into b values (1)")
try:
    con.execute("select x from b").fetchone()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
con.close()
