# sqlite3: row_factory, sqlite3.Row, text_factory.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(Id integer, Name text, Score real)")
con.executemany("insert into t values (?, ?, ?)", [(1, "ann", 9.5), (2, "bob", 7.0)])

con.row_factory = sqlite3.Row
row = con.execute("select * from t order by id").fetchone()
print(type(row).__name__, len(row), row.keys())
print(row[0], row[1], row["name"], row["NAME"], row["Score"], row[-1], row[0:2])
print(list(row), tuple(row), dict(zip(row.keys(), row)))
for key in ("missing", 5):
    try:
        row[key]
    except IndexError as e:
        print("IndexError:", e)
try:
    row[1.5]
except IndexError as e:
    print("IndexError:", e)
rows = con.execute("select * from t order by id").fetchall()
again = con.execute("select * from t order by id").fetchall()
print(rows[0] == again[0], rows[0] == rows[1], rows[0] != again[0], hash(rows[0]) == hash(again[0]))
print(rows[0] == tuple(rows[0]))
import collections.abc
print(isinstance(row, collections.abc.Sequence))
try:
    sqlite3.Row(None, ())
except TypeError as e:
    print("TypeError:", e)
cur = con.cursor()
cur.execute("select 1 as a")
print(sqlite3.Row(cur, (5,))["a"])

# Cursor-level row_factory overrides the connection's.
cur = con.cursor()
cur.row_factory = lambda c, r: {d[0]: v for d, v in zip(c.description, r)}
print(cur.execute("select * from t order by id").fetchall())
con.row_factory = lambda c, r: r[::-1]
print(con.execute("select 1, 2, 3").fetchone())
con.row_factory = None

# text_factory.
con.text_factory = bytes
print(con.execute("select 'héllo'").fetchone())
con.text_factory = bytearray
print(con.execute("select 'abc'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'abc', 1, x'61'").fetchone())
con.text_factory = str
con.execute("create table bad(x)")
con.execute("insert into bad values (cast(x'ff61' as text))")
try:
    con.execute("select x from bad").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.text_factory = bytes
print(con.execute("select x from bad").fetchone())
con.close()
