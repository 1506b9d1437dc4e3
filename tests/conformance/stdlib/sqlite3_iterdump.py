# sqlite3: Connection.iterdump (the Lib's dump.py) and backup.
import sqlite3

con = sqlite3.connect(":memory:")
con.executescript("""
    create table "my table"(id integer primary key autoincrement, name text, data blob, score real);
    create index idx_name on "my table"(name);
    create view v as select name from "my table";
    create trigger trg after insert on "my table" begin select 1; end;
    insert into "my table"(name, data, score) values ('it''s', x'00ff', 1.5);
    insert into "my table"(name, data, score) values (null, null, null);
    create table other(a, b);
    insert into other values (1, 'x');
""")
for line in con.iterdump():
    print(line)
print("--- filtered")
for line in con.iterdump(filter="other"):
    print(line)

copy = sqlite3.connect(":memory:")
copy.executescript("\n".join(con.iterdump()))
print(copy.execute('select * from "my table" order by id').fetchall())

target = sqlite3.connect(":memory:")
progress = []
con.backup(target, pages=1, progress=lambda status, remaining, total: progress.append(remaining))
print(target.execute("select * from other").fetchall(), progress[-1], len(progress) > 0)
try:
    con.backup(con)
except ValueError as e:
    print("ValueError:", e)
con.close()
