# Pins: Thread names reach the OS as in CPython 3.14 on Linux: _thread.set_name/_get_name and _NAME_MAXLEN, names encoded to UTF-8 and cut to 15 bytes (even mid-character), cut at a NUL, renaming the running thread, threads started by _thread inheriting their starter's name, the main thread keeping the process's, and set_name's TypeError.
# recorded-with: cpython-3.13
# timeout: 30
# Written by hand from CPython 3.14's Modules/_threadmodule.c and
# threading.Thread._set_os_name (3.13 has no _thread.set_name: threads there
# keep the process's name).
import _thread
import threading

print("maxlen", _thread._NAME_MAXLEN)
out = []


def record(label):
    with open(f"/proc/self/task/{threading.get_native_id()}/comm", "rb") as f:
        comm = f.read().rstrip(b"\n")
    out.append((ascii(label), ascii(_thread._get_name()), comm))


for name in ["short", "a-much-longer-thread-name", "héllo-wörld-ünïcode", "nul\0inside", "\udc80lone"]:
    t = threading.Thread(target=record, args=(name[:5],), name=name)
    t.start()
    t.join()


def rename():
    threading.current_thread().name = "renamed"
    record("renamed")
    _thread.set_name(name="direct")
    record("direct")


t = threading.Thread(target=rename, name="before")
t.start()
t.join()


# A thread started by _thread keeps the name of the thread that started it.
def parent():
    done = threading.Event()
    _thread.start_new_thread(lambda: (record("raw"), done.set()), ())
    done.wait()


t = threading.Thread(target=parent, name="parent")
t.start()
t.join()
# The main thread keeps the process's own name.
with open("/proc/self/comm", "rb") as f:
    print("main keeps the process name", ascii(_thread._get_name()) == ascii(f.read().rstrip(b"\n").decode()))
for row in out:
    print(*row)
for bad in (5, b"bytes", None):
    try:
        _thread.set_name(bad)
    except TypeError as e:
        print("TypeError:", e)
