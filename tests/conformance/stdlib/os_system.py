# os.system: the wait status of /bin/sh -c, str/bytes/PathLike commands, argument errors.
import os, sys
print("start", flush=True)
st = os.system("echo from-shell; exit 3")
print(st, os.waitstatus_to_exitcode(st), os.WEXITSTATUS(st))
print(os.system(b"true"), os.waitstatus_to_exitcode(os.system("kill -TERM $$")))
import pathlib
print(os.system(pathlib.PurePath("true")))
for bad in (1, "a\0b", None):
    try: os.system(bad)
    except Exception as e: print(type(e).__name__, e)
try: os.system()
except TypeError as e: print("TypeError")
print(os.system(command="exit 1") >> 8)
