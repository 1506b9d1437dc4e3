# Pins: the interpreter options a 'spawn' child is started with (subprocess._args_from_interpreter_flags): sys.warnoptions holds -X dev's 'default' and -b/-bb's BytesWarning entries in CPython's order, and a Pool worker sees the parent's -O, -X dev, -W and -bb settings.
# recorded-with: cpython-3.13
# (Recorded natively: the WebAssembly 3.14 cannot start processes. Names 'spawn' because 3.14's default start method on Linux is 'forkserver'.)
import subprocess
import sys

SHOW = """
import sys, subprocess
args = [a for a in subprocess._args_from_interpreter_flags() if a != '-B']
print(sys.warnoptions, args, sys.flags.dev_mode, sys.flags.bytes_warning, sys.flags.optimize)
"""

POOL = """
import multiprocessing as mp, sys

def flags(_):
    return sys.warnoptions, sys.flags.dev_mode, sys.flags.bytes_warning, sys.flags.optimize

if __name__ == '__main__':
    with mp.get_context('spawn').Pool(1) as pool:
        print(pool.map(flags, [0]) == [flags(0)], flags(0))
"""

for opts in ([], ["-X", "dev"], ["-b"], ["-bb", "-W", "ignore::UserWarning"],
             ["-X", "dev", "-W", "error", "-W", "always::DeprecationWarning"], ["-O"]):
    r = subprocess.run([sys.executable, *opts, "-c", SHOW], capture_output=True, text=True)
    print(opts, r.stdout.strip(), r.stderr.strip(), r.returncode)

with open("_mp_flags_main.py", "w") as f:
    f.write(POOL)
try:
    r = subprocess.run([sys.executable, "-O", "-X", "dev", "-W", "ignore::UserWarning", "-bb", "_mp_flags_main.py"],
                       capture_output=True, text=True)
    print(r.stdout.strip(), r.stderr.strip(), r.returncode)
finally:
    import os
    os.remove("_mp_flags_main.py")
