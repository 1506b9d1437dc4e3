# Pins: SystemExit is a BaseException that can be caught, and exit(code) from builtins works the same as sys.exit.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.code).__name__)
try:
    raise SystemExit("msg", 2)
except SystemExit as e:
    print(e.code, e.args)
try:
    exit(7)
except SystemExit as e:
    print("builtin exit", e.code)
try:
    quit(8)
except SystemExit as e:
    print("builtin quit", e.code)
try:
    sys.exit(True)
except SystemExit as e:
    print("bool code", e.code)
sys.exit(256 + 4)
