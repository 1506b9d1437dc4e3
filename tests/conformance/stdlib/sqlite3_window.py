# sqlite3: create_window_function (aggregate window functions).
import sqlite3

class WindowSum:
    def __init__(self):
        self.count = 0

    def step(self, value):
        self.count += value

    def value(self):
        return self.count

    def inverse(self, value):
        self.count -= value

    def finalize(self):
        return self.count

con = sqlite3.connect(":memory:")
con.execute("create table t(x, y)")
con.executemany("insert into t values (?, ?)", [("a", 4), ("b", 5), ("c", 3), ("d", 8), ("e", 1)])
con.create_window_function("sumint", 1, WindowSum)
query = """
    select x, sumint(y) over (order by x rows between 1 preceding and 1 following) as s
    from t order by x
"""
print(con.execute(query).fetchall())
print(con.execute("select sumint(y) from t").fetchone())

def run(sql):
    try:
        print(con.execute(sql).fetchall())
    except sqlite3.Error as e:
        print(type(e).__name__, e)

for method in ("step", "value", "inverse", "finalize"):
    cls = type("Bad" + method, (WindowSum,), {method: lambda self, *a: 1 / 0})
    con.create_window_function("bad", 1, cls)
    run(query.replace("sumint", "bad"))

class Missing:
    def step(self, v):
        pass

con.create_window_function("missing", 1, Missing)
run(query.replace("sumint", "missing"))
con.create_window_function("sumint", 1, None)
run(query)
try:
    con.create_window_function("x", -100, WindowSum)
except sqlite3.Error as e:
    print(type(e).__name__, e)
con.close()
