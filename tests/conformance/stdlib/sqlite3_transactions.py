# sqlite3: isolation_level, implicit BEGIN, commit/rollback, context manager, autocommit.
import os
import sqlite3
import tempfile

con = sqlite3.connect(":memory:")
print(repr(con.isolation_level), con.in_transaction, con.autocommit == sqlite3.LEGACY_TRANSACTION_CONTROL)
con.execute("create table t(x)")
print("after DDL", con.in_transaction)
con.execute("insert into t values (1)")
print("after DML", con.in_transaction)
con.commit()
print("after commit", con.in_transaction)
con.execute("insert into t values (2)")
con.rollback()
print(con.execute("select x from t").fetchall())
con.execute("select * from t")
print("after select", con.in_transaction)

# Context manager: commit on success, rollback on exception.
with con:
    con.execute("insert into t values (3)")
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
try:
    with con:
        con.execute("insert into t values (4)")
        raise ValueError("boom")
except ValueError as e:
    print("ValueError:", e)
print(con.execute("select x from t order by x").fetchall())

# isolation_level values.
for level in ("DEFERRED", "immediate", "Exclusive", ""):
    con.isolation_level = level
    print(repr(con.isolation_level))
    con.execute("insert into t values (5)")
    print(con.in_transaction)
    con.rollback()
for bad in ("foo", 5):
    try:
        con.isolation_level = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
con.isolation_level = None
print(repr(con.isolation_level))
con.execute("insert into t values (6)")
print("autocommit mode", con.in_transaction)
con.execute("begin")
print(con.in_transaction)
con.execute("insert into t values (7)")
con.execute("rollback")
print(con.execute("select x from t order by x").fetchall())
con.close()

# autocommit attribute (PEP 249 style).
con = sqlite3.connect(":memory:", autocommit=False)
print(con.autocommit, con.in_transaction, con.isolation_level)
con.execute("create table t(x)")
con.execute("insert into t values (1)")
con.commit()
print("after commit", con.in_transaction)
con.execute("insert into t values (2)")
con.rollback()
print(con.execute("select x from t").fetchall(), con.in_transaction)
con.autocommit = True
print(con.autocommit, con.in_transaction)
con.execute("insert into t values (3)")
print(con.in_transaction)
con.autocommit = False
print(con.in_transaction)
try:
    con.autocommit = "yes"
except ValueError as e:
    print("ValueError:", e)
con.close()

con = sqlite3.connect(":memory:", autocommit=True)
con.execute("create table t(x)")
con.execute("insert into t values (1)")
print(con.in_transaction)
with con:
    con.execute("insert into t values (2)")
print(con.execute("select count(*) from t").fetchone())
con.close()

# A file database seen from two connections.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "db.sqlite")
    a = sqlite3.connect(path)
    b = sqlite3.connect(path, timeout=0.1)
    a.execute("create table t(x)")
    a.execute("insert into t values (1)")
    print(b.execute("select count(*) from t").fetchone())
    a.commit()
    print(b.execute("select count(*) from t").fetchone())
    a.execute("insert into t values (2)")
    try:
        b.execute("insert into t values (3)")
    except sqlite3.OperationalError as e:
        print("OperationalError:", e, e.sqlite_errorname)
    a.commit()
    b.execute("insert into t values (3)")
    b.commit()
    print(a.execute("select x from t order by x").fetchall())
    # executescript commits a pending transaction first.
    a.execute("insert into t values (4)")
    a.executescript("insert into t values (5);")
    print(a.in_transaction, b.execute("select count(*) from t").fetchone())
    a.close()
    b.close()
