# sqlite3: Connection.serialize and deserialize.
# (An empty database serializes to one page with newer SQLite, to an error with older: not tested.)
import sqlite3
con = sqlite3.connect(":memory:")
con.execute("create table t(x)")
con.executemany("insert into t values (?)", [(i,) for i in range(100)])
con.commit()
data = con.serialize()
print(type(data).__name__, len(data) > 0, data[:16])
other = sqlite3.connect(":memory:")
other.deserialize(data)
print(other.execute("select count(*), sum(x) from t").fetchone())
try:
    con.serialize(name="nosuch")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    other.deserialize(b"not a database at all, definitely" * 4)
    other.execute("select * from t")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
