"""sqlite3 round trips: executemany inserts, parameterised point queries,
full scans fetched as tuples and as sqlite3.Row, a Python user function
and an aggregate, all on one in-memory connection.

    sqlite_ops.py [N]   # N rows (default 20000)
"""
import sqlite3
import sys
import time


class Total:
    def __init__(self):
        self.n = 0

    def step(self, v):
        self.n += v

    def finalize(self):
        return self.n


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    t0 = time.perf_counter()
    con = sqlite3.connect(":memory:")
    con.create_function("twice", 1, lambda x: 2 * x, deterministic=True)
    con.create_aggregate("total", 1, Total)
    con.execute("create table t(id integer primary key, name text, score real, data blob)")
    con.executemany("insert into t values (?, ?, ?, ?)",
                    ((i, f"name{i}", i * 0.5, bytes([i % 256]) * 4) for i in range(n)))
    con.commit()
    acc = 0
    for i in range(0, n, 7):
        row = con.execute("select name, score from t where id = ?", (i,)).fetchone()
        acc += len(row[0]) + int(row[1])
    for row in con.execute("select id, name, score, data from t"):
        acc += row[0] + len(row[3])
    con.row_factory = sqlite3.Row
    for row in con.execute("select id, score from t where id % 3 = 0"):
        acc += row["id"] + int(row["score"])
    con.row_factory = None
    acc += con.execute("select sum(twice(id)) from t").fetchone()[0]
    acc += con.execute("select total(id) from t").fetchone()[0]
    cur = con.cursor()
    for i in range(0, n, 5):
        cur.execute("update t set score = score + 1 where id = ?", (i,))
        acc += cur.rowcount
    con.commit()
    con.close()
    elapsed = time.perf_counter() - t0
    print("checksum=%d" % acc)
    print("time_s=%.6f" % elapsed)


if __name__ == "__main__":
    main()
