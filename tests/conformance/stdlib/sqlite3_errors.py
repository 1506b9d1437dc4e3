# sqlite3: the exception hierarchy, error codes and names, binding errors.
import sqlite3

for name in ("Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
             "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"):
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__mro__[1:-2]], getattr(sqlite3.Connection, name) is cls)

con = sqlite3.connect(":memory:")
con.execute("create table t(id integer primary key, name text not null unique, "
            "age integer check (age >= 0))")
con.execute("insert into t values (1, 'a', 1)")

def show(f):
    try:
        f()
    except Exception as e:
        extra = ""
        if hasattr(e, "sqlite_errorcode"):
            extra = f" [{e.sqlite_errorcode} {e.sqlite_errorname}]"
        print(f"{type(e).__name__}: {e}{extra}")
    else:
        print("no error")

show(lambda: con.execute("insert into t values (1, 'b', 1)"))
show(lambda: con.execute("insert into t values (2, 'a', 1)"))
show(lambda: con.execute("insert into t values (3, null, 1)"))
show(lambda: con.execute("insert into t values (4, 'd', -1)"))
show(lambda: con.execute("select * from nosuch"))
show(lambda: con.execute("selec 1"))
show(lambda: con.execute("select 1; select 2"))
show(lambda: con.execute("select ?", (1, 2)))
show(lambda: con.execute("select ?, ?", (1,)))
show(lambda: con.execute("select :a", {"b": 1}))
show(lambda: con.execute("select ?", {"a": 1}))
show(lambda: con.execute("select :a", (1,)))
show(lambda: con.execute("select ?", 5))
show(lambda: con.execute("select ?", ([],)))
show(lambda: con.execute("select ?", (object(),)))
show(lambda: con.execute("select ?", ("\ud800",)))
show(lambda: con.execute("select 'a\x00b'"))
show(lambda: con.execute(42))
show(lambda: con.executemany("select ?", [(1,)]))
show(lambda: con.executescript(5))
show(lambda: con.executescript("create table x(a); bogus;"))
show(lambda: sqlite3.connect(":memory:", isolation_level="bogus"))
show(lambda: sqlite3.connect(":memory:", autocommit=5))
show(lambda: con.cursor(factory=lambda c: 5))
show(lambda: sqlite3.Cursor(5))
show(lambda: con.create_function("f", 1000, len))
show(lambda: sqlite3.ProgrammingError("x").sqlite_errorcode)

# A mapping with __missing__ supplies named parameters.
class D(dict):
    def __missing__(self, key):
        return key.upper()

print(con.execute("select :a, :b", D(a=1)).fetchone())
# Sequences other than lists and tuples.
print(con.execute("select ?, ?", range(2)).fetchone())

# Recursive use of a cursor from its own row factory.
cur = con.cursor()
def factory(c, row):
    c.execute("select 1")
    return row
cur.row_factory = factory
show(lambda: cur.execute("select 1").fetchone())
cur.close()

# Interrupt from a progress handler.
con.set_progress_handler(lambda: con.interrupt(), 1)
show(lambda: con.execute("select 1").fetchone())
con.set_progress_handler(None, 1)

# Limits.
old = con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
print(con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10) == old)
# (Newer SQLite raises a length limit under 30 to 30.)
show(lambda: con.execute("select ?", ("x" * 100,)).fetchone())
show(lambda: con.execute("select '" + "x" * 100 + "'").fetchone())
con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old)
show(lambda: con.getlimit(1000))
print(con.getconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY), con.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY))
con.close()
