# Pins: zipfile and tarfile round trips in memory with fixed timestamps, member listing, reading back, and error cases.
import zipfile, tarfile, io
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(zipfile.ZipInfo("a.txt", date_time=(2020, 1, 2, 3, 4, 6)), "alpha " * 20)
    zf.writestr(zipfile.ZipInfo("dir/b.bin", date_time=(2021, 5, 6, 7, 8, 10)), b"\x00\x01\x02")
    zf.writestr(zipfile.ZipInfo("dir/", date_time=(2022, 2, 2, 2, 2, 2)), "")
with zipfile.ZipFile(buf) as zf:
    print(zf.namelist(), [(i.filename, i.file_size, i.date_time, i.is_dir()) for i in zf.infolist()])
    print(zf.read("a.txt")[:12], zf.read("dir/b.bin"), zf.testzip())
    with zf.open("a.txt") as f:
        print(f.read(5))
    try:
        zf.read("missing")
    except KeyError as e:
        print("KeyError:", e)
print(zipfile.is_zipfile(buf), zipfile.is_zipfile(io.BytesIO(b"not a zip")))
try:
    zipfile.ZipFile(io.BytesIO(b"junk"))
except zipfile.BadZipFile as e:
    print("BadZipFile:", e)
p = zipfile.Path(zipfile.ZipFile(buf))
print(sorted(x.name for x in p.iterdir()), (p / "a.txt").read_text()[:6])
tbuf = io.BytesIO()
with tarfile.open(fileobj=tbuf, mode="w:gz") as tf:
    for name, data in [("x.txt", b"tar data"), ("sub/y.txt", b"more")]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = 1700000000
        info.mode = 0o644
        tf.addfile(info, io.BytesIO(data))
tbuf.seek(0)
with tarfile.open(fileobj=tbuf, mode="r:gz") as tf:
    print(tf.getnames(), [(m.name, m.size, m.mtime, oct(m.mode), m.isfile()) for m in tf.getmembers()])
    print(tf.extractfile("sub/y.txt").read())
    try:
        tf.getmember("nope")
    except KeyError as e:
        print("KeyError:", e)
try:
    tarfile.open(fileobj=io.BytesIO(b"\x00" * 10))
except tarfile.ReadError as e:
    print("ReadError:", str(e).splitlines()[0])
