# sqlite3: Connection.blobopen and the Blob object.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(id integer primary key, b blob)")
con.execute("insert into t values (1, zeroblob(10))")
con.execute("insert into t values (2, x'0102030405')")
con.commit()

blob = con.blobopen("t", "b", 1)
print(type(blob).__name__, len(blob), blob.tell())
blob.write(b"hello")
print(blob.tell(), blob.read(), blob.tell())
blob.seek(0)
print(blob.read(3), blob.read(-1))
blob.seek(-2, 2)
print(blob.tell(), blob.read(100))
blob.seek(2)
blob.seek(3, 1)
print(blob.tell())
for args in ((11,), (-1,), (0, 7)):
    try:
        blob.seek(*args)
    except ValueError as e:
        print("ValueError:", e)
blob.seek(8)
try:
    blob.write(b"abc")
except ValueError as e:
    print("ValueError:", e)
print(blob[0], blob[-1], blob[0:5], blob[::2], blob[1:9:3], blob[20:30])
blob[9] = 255
blob[5:8] = b"XYZ"
blob[0:10:3] = b"abcd"
print(con.execute("select b from t where id = 1").fetchone())
for bad in (lambda: blob[10], lambda: blob["x"]):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ((0, 256), (0, b"a")):
    try:
        blob[bad[0]] = bad[1]
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    blob[0:2] = b"abc"
except IndexError as e:
    print("IndexError:", e)
try:
    del blob[0]
except TypeError as e:
    print("TypeError:", e)
blob.close()
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)

with con.blobopen("t", "b", 2, readonly=True) as b2:
    print(b2.read())
    b2.seek(0)
    try:
        b2.write(b"x")
    except sqlite3.Error as e:
        print(type(e).__name__, e)
try:
    b2.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
try:
    con.blobopen("t", "b", 99)
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.blobopen("nosuch", "b", 1)
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    sqlite3.Blob()
except TypeError as e:
    print("TypeError:", e)
b3 = con.blobopen("t", "b", 2)
con.close()
try:
    b3.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
