# Pins: sys.exit() and sys.exit(None) exit with status 0; raise SystemExit(0) likewise.
import sys
print("exit none")
sys.exit(None)
