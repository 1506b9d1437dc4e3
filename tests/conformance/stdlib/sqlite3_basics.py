# sqlite3: connecting, executing, fetching, type mapping both ways, cursor attributes.
import sqlite3

con = sqlite3.connect(":memory:")
print(type(con).__name__, type(con.cursor()).__name__)
cur = con.cursor()
cur.execute("create table t(i integer, f real, s text, b blob, n)")
print(cur.description, cur.rowcount, cur.lastrowid)
cur.execute("insert into t values (?, ?, ?, ?, ?)", (1, 2.5, "héllo", b"\x00\x01", None))
print(cur.rowcount, cur.lastrowid)
cur.executemany("insert into t(i, s) values (?, ?)", [(2, "two"), (3, "three"), (4, "four")])
print("executemany rowcount", cur.rowcount)
cur.execute("insert into t(i, s) values (:num, :name)", {"num": 5, "name": "five"})
print(cur.lastrowid)
cur.execute("select * from t order by i")
print([d[0] for d in cur.description])
print(len(cur.description[0]), cur.description[0][1:])
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.arraysize)
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchall())
print(cur.fetchone())
print(cur.fetchall())

for row in con.execute("select i, s from t where i < ? order by i desc", (3,)):
    print("row", row)

# Types coming back.
r = con.execute("select 1, 1.5, 'x', x'ff00', null, 2 + 3, 7 / 2, 7.0 / 2").fetchone()
print(r, [type(v).__name__ for v in r])
big = 2**63 - 1
print(con.execute("select ?, ?", (big, -big - 1)).fetchone())
try:
    con.execute("select ?", (2**63,))
except OverflowError as e:
    print("OverflowError:", e)
print(con.execute("select ?, ?, ?", (True, False, 1e300)).fetchone())
print(con.execute("select ?", (bytearray(b"ab"),)).fetchone())
print(con.execute("select ?", (memoryview(b"cd"),)).fetchone())
print(con.execute("select typeof(?), typeof(?), typeof(?)", (1, 1.0, "1")).fetchone())

# Cursor iteration protocol and attributes.
cur = con.execute("select i from t order by i")
print(iter(cur) is cur, next(cur), list(cur))
print(cur.connection is con)
cur.close()
try:
    cur.fetchone()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)

# rowcount for UPDATE and DELETE, SELECT.
print(con.execute("update t set n = 1 where i > 2").rowcount)
print(con.execute("delete from t where i = 5").rowcount)
print(con.execute("select * from t").rowcount)

# executescript and the shortcuts on the connection.
con.executescript("""
    create table u(a);
    insert into u values (1);
    insert into u values (2);
""")
print(con.execute("select sum(a) from u").fetchone())
print(con.total_changes)

# Empty statements and comments.
cur = con.execute("")
print(cur.description, cur.rowcount)
print(con.execute("select 7; -- trailing comment").fetchall())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))

# The same SQL run by two cursors at once.
c1 = con.execute("select i from t order by i")
c2 = con.execute("select i from t order by i")
print(c1.fetchone(), c2.fetchone(), c1.fetchone(), c2.fetchall(), c1.fetchall())

print(sqlite3.paramstyle, sqlite3.apilevel, type(sqlite3.sqlite_version_info).__name__)
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY, sqlite3.SQLITE_IGNORE)
con.close()
con.close()
try:
    con.execute("select 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
try:
    con.cursor()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
