# sqlite3: enable_callback_tracebacks and exceptions raised inside callbacks.
import sqlite3
import sys

def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg.split(" at 0x")[0], u.object)

sys.unraisablehook = hook
con = sqlite3.connect(":memory:")

def f(x):
    raise ValueError("bad f")

class Agg:
    def step(self, v):
        raise ValueError("bad step")
    def finalize(self):
        return 1

def trace(sql):
    1 / 0

def auth(*args):
    1 / 0

def progress():
    1 / 0

con.create_function("f", 1, f)
con.create_aggregate("agg", 1, Agg)

def run(sql):
    try:
        print(con.execute(sql).fetchall())
    except Exception as e:
        print(type(e).__name__, e)

for enabled in (False, True):
    print("--- tracebacks", enabled)
    sqlite3.enable_callback_tracebacks(enabled)
    run("select f(1)")
    run("select agg(1)")
    con.set_trace_callback(trace)
    run("select 1")
    con.set_trace_callback(None)
    con.set_authorizer(auth)
    run("select 2")
    con.set_authorizer(None)
    con.set_progress_handler(progress, 1)
    run("select 3")
    con.set_progress_handler(None, 1)

# A collation's exception comes out of the statement that sorted.
calls = []
def coll(a, b):
    calls.append((a, b))
    raise KeyError(a)

con.create_collation("bad", coll)
run("select 'a' union select 'b' union select 'c' order by 1 collate bad")
print(len(calls))
con.create_collation("wrongtype", lambda a, b: "x")
run("select 'b' union select 'a' order by 1 collate wrongtype")
con.create_collation("bigint", lambda a, b: (a > b) * 2**80 - (a < b) * 2**80)
run("select 'b' union select 'a' union select 'c' order by 1 collate bigint")
run("select 1")
con.close()
