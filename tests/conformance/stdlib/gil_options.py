# Pins: PYTHON_GIL / -X gil as a GIL build and the free-threaded build agree: =1 turns the GIL on (sys._is_gil_enabled), other values are a start-up error with exit status 1, -E ignores the variable.
# recorded-with: cpython-3.13
import os
import subprocess
import sys

SHOW = "import sys; print(sys._is_gil_enabled(), sys.flags.gil)"


def run(args, gil_env=None):
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_GIL"}
    if gil_env is not None:
        env["PYTHON_GIL"] = gil_env
    p = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True)
    print(args, gil_env, "->", p.returncode, repr(p.stdout), repr(p.stderr))


run(["-X", "gil=1", "-c", SHOW])
run(["-c", SHOW], "1")
run(["-X", "gil=1", "-X", "gil=nonsense", "-c", SHOW])
run(["-X", "gil=2", "-c", "print('not run')"])
run(["-X", "gil", "-c", "print('not run')"])
run(["-X", "gil=", "-c", "print('not run')"])
run(["-X", "gil=nonsense", "-X", "gil=1", "-c", "print('not run')"])
run(["-c", "print('not run')"], "yes")
run(["-X", "gil=1", "-c", "print('not run')"], "10")
run(["-E", "-c", "print('ran')"], "bad")
run(["-I", "-c", "print('ran')"], "bad")
run(["-c", "print('ran')"], "")
