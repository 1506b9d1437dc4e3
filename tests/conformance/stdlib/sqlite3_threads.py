# recorded-with: cpython-3.13
# sqlite3 across threads: check_same_thread refuses, False shares one connection.
# (Recorded with native 3.13: the 3.14 WebAssembly build has no threads.)
import sqlite3
import threading

con = sqlite3.connect(":memory:")
errors = []

def use():
    try:
        con.execute("select 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(". ")[0])

t = threading.Thread(target=use)
t.start()
t.join()
print(errors)
con.close()

errors = []
con = sqlite3.connect(":memory:", check_same_thread=False)
con.execute("create table t(thread, n)")
lock = threading.Lock()

# Each thread has its own SQL text: CPython's statement cache may hand one
# statement to two threads at once (tests/stress/sqlite3_shared.py covers
# that for Spindle).
def worker(k):
    for n in range(200):
        con.execute(f"insert into t values (?, ?) -- {k}", (k, n))
        cur = con.execute(f"select count(*) from t where thread = ? -- {k}", (k,))
        got = cur.fetchone()[0]
        if got != n + 1:
            with lock:
                errors.append((k, n, got))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
con.commit()
print(errors)
print(con.execute("select thread, count(*), sum(n) from t group by thread order by thread").fetchall())
con.close()
