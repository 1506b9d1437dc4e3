# Pins: faulthandler: enable/disable/is_enabled, dump_traceback's format for this thread ("Stack (most recent call first):", "  File ..., line N in name", escaped names) and with all_threads ("Current thread 0x... (most recent call first):"), file arguments (objects, descriptors) and CPython's argument errors.
import faulthandler
import re
import signal
import sys
import tempfile


def t(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)


def dumped(**kwargs):
    with tempfile.TemporaryFile() as f:
        faulthandler.dump_traceback(f, **kwargs)
        f.seek(0)
        text = f.read().decode('ascii')
    # Thread ids and names differ between runs and machines.
    return re.sub(r'(thread) 0x[0-9a-f]+( \[[^\]]*\])?', r'\1 0xID', text, flags=re.I)


print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())
with tempfile.TemporaryFile() as f:
    faulthandler.enable(f)
    print(faulthandler.is_enabled())
    faulthandler.enable(file=f.fileno(), all_threads=False)
    print(faulthandler.disable())


def inner():
    return dumped(all_threads=False)


def outer():
    return inner()


print(outer(), end='')
print(dumped(), end='')
exec("def caf\xe9():\n    return dumped(all_threads=False)\n")
print(globals()['caf\xe9'](), end='')


class Box:
    def method(self):
        return dumped(all_threads=False)


print(Box().method(), end='')
print((lambda: dumped(all_threads=False))(), end='')
print([dumped(all_threads=False) for _ in range(1)][0], end='')


class NoFileno:
    pass


class BadFileno:
    def fileno(self):
        return 'x'


t(faulthandler.dump_traceback, -1)
t(faulthandler.dump_traceback, NoFileno())
t(faulthandler.dump_traceback, BadFileno())
t(faulthandler.enable, -5)
t(faulthandler.dump_traceback_later, 0)
t(faulthandler.dump_traceback_later, -1.5)
t(faulthandler.dump_traceback_later, 'x')
t(faulthandler.register, signal.SIGSEGV)
t(faulthandler.register, signal.SIGABRT)
t(faulthandler.register, 0)
t(faulthandler.unregister, signal.SIGFPE)
t(faulthandler.unregister, signal.SIGUSR2)
t(faulthandler.cancel_dump_traceback_later)
saved = sys.stderr
sys.stderr = None
t(faulthandler.dump_traceback)
sys.stderr = saved
