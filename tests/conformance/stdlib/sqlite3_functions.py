# sqlite3: create_function, create_aggregate, create_collation, hooks.
import sqlite3

con = sqlite3.connect(":memory:")
con.create_function("double", 1, lambda x: x * 2)
con.create_function("concat3", 3, lambda a, b, c: f"{a}{b}{c}")
con.create_function("anyargs", -1, lambda *a: len(a))
con.create_function("kinds", 1, lambda v: type(v).__name__, deterministic=True)
print(con.execute("select double(21), double(1.25), double('ab')").fetchone())
print(con.execute("select concat3(1, 'x', 2.5), anyargs(), anyargs(1, 2, 3)").fetchone())
print(con.execute("select kinds(1), kinds(1.0), kinds('s'), kinds(x'00'), kinds(null)").fetchone())
con.create_function("retbytes", 0, lambda: b"\x01\x02")
con.create_function("retnone", 0, lambda: None)
con.create_function("retbig", 0, lambda: 2**70)
con.create_function("retlist", 0, lambda: [1])
print(con.execute("select retbytes(), retnone()").fetchone())
for name in ("retbig", "retlist"):
    try:
        con.execute(f"select {name}()").fetchone()
    except sqlite3.Error as e:
        print(type(e).__name__, e)

def boom(x):
    raise ValueError("no")

con.create_function("boom", 1, boom)
try:
    con.execute("select boom(1)").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.execute("select double(1, 2)")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
# Replacing a function.
con.create_function("double", 1, lambda x: x * 3)
print(con.execute("select double(2)").fetchone())
# Removing it.
con.create_function("double", 1, None)
try:
    con.execute("select double(2)")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)

class Avg:
    def __init__(self):
        self.total = 0
        self.n = 0

    def step(self, value):
        self.total += value
        self.n += 1

    def finalize(self):
        return self.total / self.n if self.n else None

class BadStep:
    def step(self, v):
        raise RuntimeError
    def finalize(self):
        return 1

class BadFinal:
    def step(self, v):
        pass
    def finalize(self):
        raise RuntimeError

class BadInit:
    def __init__(self):
        raise RuntimeError
    def step(self, v):
        pass
    def finalize(self):
        return 1

con.create_aggregate("myavg", 1, Avg)
con.create_aggregate("badstep", 1, BadStep)
con.create_aggregate("badfinal", 1, BadFinal)
con.create_aggregate("badinit", 1, BadInit)
con.execute("create table t(g, v)")
con.executemany("insert into t values (?, ?)", [("a", 1), ("a", 2), ("b", 10), ("b", 20), ("b", 60)])
print(con.execute("select g, myavg(v) from t group by g order by g").fetchall())
print(con.execute("select myavg(v) from t where 0").fetchone())
for name in ("badstep", "badfinal", "badinit"):
    try:
        con.execute(f"select {name}(v) from t").fetchone()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)

# Collations.
def reverse(a, b):
    return -((a > b) - (a < b))

con.create_collation("reverse", reverse)
con.execute("create table names(n)")
con.executemany("insert into names values (?)", [("b",), ("a",), ("c",)])
print(con.execute("select n from names order by n collate reverse").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("select n from names order by n collate reverse").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.create_collation("x", 42)
except TypeError as e:
    print("TypeError:", e)

# Trace callback.
traced = []
con.set_trace_callback(traced.append)
con.execute("select ?", (5,)).fetchall()
con.set_trace_callback(None)
con.execute("select 2").fetchall()
print(traced)

# Progress handler aborting a query.
con.set_progress_handler(lambda: 1, 1)
try:
    con.execute("select count(*) from t").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.set_progress_handler(None, 1)
print(con.execute("select count(*) from t").fetchone())

# Authorizer.
def auth(action, arg1, arg2, dbname, source):
    if action == sqlite3.SQLITE_READ and arg2 == "v":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK

con.set_authorizer(auth)
print(con.execute("select g from t limit 1").fetchone())
try:
    con.execute("select v from t")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
con.set_authorizer(None)
print(con.execute("select v from t limit 1").fetchone())

# A user function using its own connection.
con.create_function("count_t", 0, lambda: con.execute("select count(*) from t").fetchone()[0])
print(con.execute("select count_t()").fetchone())
con.close()
