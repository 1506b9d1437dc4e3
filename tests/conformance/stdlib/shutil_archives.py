# Pins: shutil.make_archive/unpack_archive for zip and gztar formats (root_dir/base_dir, listing archive members sorted), get_archive_formats names, unpack errors, zipfile/tarfile reading of the produced archives.
import shutil, os, tempfile, zipfile, tarfile
with tempfile.TemporaryDirectory() as td:
    src = os.path.join(td, "project")
    os.makedirs(os.path.join(src, "pkg", "sub"))
    for rel, text in [("README", "readme"), ("pkg/__init__.py", ""), ("pkg/mod.py", "x = 1\n"), ("pkg/sub/data.txt", "data" * 10)]:
        with open(os.path.join(src, rel), "w") as f:
            f.write(text)
    print({"gztar", "tar", "zip"} <= {f[0] for f in shutil.get_archive_formats()}, "zip" in [f[0] for f in shutil.get_unpack_formats()])
    z = shutil.make_archive(os.path.join(td, "out"), "zip", root_dir=src)
    print(os.path.basename(z))
    with zipfile.ZipFile(z) as zf:
        print(sorted(zf.namelist()))
        print(zf.read("pkg/mod.py"), zf.getinfo("pkg/sub/data.txt").file_size)
    t = shutil.make_archive(os.path.join(td, "out"), "gztar", root_dir=td, base_dir="project")
    print(os.path.basename(t))
    with tarfile.open(t) as tf:
        print(sorted(m.name for m in tf.getmembers()))
        print(tf.extractfile("project/README").read())
    dest = os.path.join(td, "unzipped")
    shutil.unpack_archive(z, dest)
    listing = []
    for dp, dns, fns in os.walk(dest):
        dns.sort()
        listing += [os.path.relpath(os.path.join(dp, f), dest) for f in sorted(fns)]
    print(listing)
    dest2 = os.path.join(td, "untarred")
    shutil.unpack_archive(t, dest2, filter="data")
    print(sorted(os.listdir(os.path.join(dest2, "project"))), open(os.path.join(dest2, "project", "pkg", "mod.py")).read())
    try:
        shutil.make_archive(os.path.join(td, "x"), "rar", root_dir=src)
    except ValueError as e:
        print("ValueError", e)
    bogus = os.path.join(td, "file.unknown")
    open(bogus, "w").close()
    try:
        shutil.unpack_archive(bogus, dest)
    except shutil.ReadError as e:
        print("ReadError", str(e).replace(td, "<td>"))
    try:
        shutil.unpack_archive(z, dest, format="nope")
    except ValueError as e:
        print("ValueError", e)
    with zipfile.ZipFile(os.path.join(td, "manual.zip"), "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a/b.txt", "inner text")
        zf.writestr("c.txt", b"bytes")
    with zipfile.ZipFile(os.path.join(td, "manual.zip")) as zf:
        print([(i.filename, i.file_size, i.compress_type) for i in zf.infolist()], zf.testzip())
