# Pins: sys.exit with an integer code: exit status 3, nothing on stderr, finally blocks run.
import sys
try:
    print("exiting")
    sys.exit(3)
finally:
    print("finally ran")
print("never")
