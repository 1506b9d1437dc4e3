# Pins: sys.exit with a negative or large status: the process exit status is taken modulo 256.
import sys
print("exiting with -1")
sys.exit(-1)
