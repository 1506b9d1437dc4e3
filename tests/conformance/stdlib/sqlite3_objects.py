# sqlite3: paths and URIs, read-only cursor attributes, slots, factories.
import os
import pathlib
import sqlite3
import tempfile
import weakref

with tempfile.TemporaryDirectory() as d:
    p = pathlib.Path(d) / "a.db"
    con = sqlite3.connect(p)
    con.execute("create table t(x)")
    con.commit()
    con.close()
    con = sqlite3.connect(os.fsencode(str(p)))
    print(con.execute("select count(*) from t").fetchone())
    con.close()
    con = sqlite3.connect(p.as_uri() + "?mode=ro", uri=True)
    try:
        con.execute("insert into t values (1)")
    except sqlite3.OperationalError as e:
        print(e, e.sqlite_errorname)
    con.close()
    try:
        sqlite3.connect(os.path.join(d, "nodir", "x.db"))
    except sqlite3.OperationalError as e:
        print(e, e.sqlite_errorname)

con = sqlite3.connect(":memory:")
cur = con.cursor()
for attr in ("description", "rowcount", "lastrowid", "connection"):
    try:
        setattr(cur, attr, 1)
    except AttributeError as e:
        print("AttributeError", e)
cur.arraysize = 5
print(cur.arraysize)
try:
    cur.arraysize = "x"
except TypeError as e:
    print("TypeError", e)
try:
    cur.foo = 1
except AttributeError:
    print("no attribute foo on a cursor")
try:
    con.foo = 1
except AttributeError:
    print("no attribute foo on a connection")
print(weakref.ref(cur)() is cur)
try:
    weakref.ref(con)
except TypeError:
    print("no weak references to a connection")
print(repr(con)[:26], repr(cur)[:22])
print(con.execute("select sqlite_version() = ?", (sqlite3.sqlite_version,)).fetchone())
print(con.in_transaction, con.total_changes, con.row_factory, con.text_factory)

class MyCursor(sqlite3.Cursor):
    pass

class MyConn(sqlite3.Connection):
    def cursor(self, factory=MyCursor):
        return super().cursor(factory)

c2 = sqlite3.connect(":memory:", factory=MyConn)
print(type(c2).__name__, type(c2.cursor()).__name__, type(c2.execute("select 1")).__name__)
c2.cursor().extra = "subclasses have a __dict__"
c2.close()
con.close()
