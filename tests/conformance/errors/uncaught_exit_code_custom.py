# Pins: raise SystemExit with an int inside nested functions and finally blocks: finally clauses run (printing), no traceback is printed, exit status is the given code.
import sys
def shutdown(code):
    try:
        print("shutting down with", code)
        raise SystemExit(code)
    finally:
        print("finally in shutdown")
def main():
    try:
        shutdown(7)
    finally:
        print("finally in main")
        sys.stdout.flush()
main()
print("not reached")
