# Running a directory or a zip archive (a zipapp, with or without a #! line before it): its
# __main__ module runs with the path as sys.path[0]; without one, the interpreter says so.
# recorded-with: cpython-3.13 (it starts sys.executable, which the WebAssembly 3.14 cannot)
import os
import subprocess
import sys
import tempfile
import zipapp
import zipfile

tmp = tempfile.mkdtemp()
app = os.path.join(tmp, "appdir")
os.makedirs(app)
with open(os.path.join(app, "__main__.py"), "w") as f:
    f.write("import sys, helper\n"
            "print('main:', __name__, __spec__.name if __spec__ else None)\n"
            "print('path0 is the app:', sys.path[0] == sys.argv[0] or sys.path[0].endswith(sys.argv[0]))\n"
            "print('argv:', [a.rsplit('/', 1)[-1] for a in sys.argv])\n"
            "print(helper.TEXT)\n")
with open(os.path.join(app, "helper.py"), "w") as f:
    f.write("TEXT = 'helper found next to __main__'\n")
empty = os.path.join(tmp, "empty")
os.makedirs(empty)

plain_zip = os.path.join(tmp, "app.zip")
with zipfile.ZipFile(plain_zip, "w") as z:
    for name in ("__main__.py", "helper.py"):
        z.write(os.path.join(app, name), name)
pyz = os.path.join(tmp, "app.pyz")
zipapp.create_archive(app, pyz, interpreter="/usr/bin/env python3")
no_main = os.path.join(tmp, "nomain.zip")
with zipfile.ZipFile(no_main, "w") as z:
    z.writestr("helper.py", "TEXT = 1\n")


def run(target, *args):
    r = subprocess.run([sys.executable, target, *args], capture_output=True, text=True, cwd=tmp)
    err = r.stderr.replace(sys.executable, "PYTHON").replace(tmp, "TMP")
    print(f"--- {os.path.basename(target)}: exit {r.returncode}")
    print(r.stdout, end="")
    print(err, end="")


run("appdir", "x")
run(app)
run(plain_zip, "y", "z")
run(pyz)
run(empty)
run(no_main)
