# Pins: faulthandler with threads: dump_traceback(all_threads=True) lists every thread ("Current thread" for the caller), dump_traceback_later's "Timeout (H:MM:SS.ffffff)!" dumps (once, repeated, cancelled), register()'s dump on a user signal, and a fatal signal's report under -X faulthandler in a child process.
# recorded-with: cpython-3.13
# (Native 3.13.0 because these need threads, which CPython 3.14 under WebAssembly lacks. Only the lines naming this file and the headers are printed: the frames of threading.py differ between builds.)
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

ready = threading.Event()
release = threading.Event()


def worker():
    ready.set()
    release.wait()


def summary(text):
    out = []
    for line in text.splitlines():
        line = re.sub(r'(thread) 0x[0-9a-f]+( \[[^\]]*\])?', r'\1 0xID', line, flags=re.I)
        if line.startswith('  File '):
            if 'faulthandler_threads.py' not in line:
                continue
            line = re.sub(r'File ".*faulthandler_threads.py"', 'File "faulthandler_threads.py"', line)
        out.append(line)
    return '\n'.join(out)


def capture(action, wait=0.0):
    with tempfile.TemporaryFile() as f:
        action(f)
        time.sleep(wait)
        f.seek(0)
        return summary(f.read().decode('ascii'))


t = threading.Thread(target=worker)
t.start()
ready.wait()
time.sleep(0.1)
print(capture(lambda f: faulthandler.dump_traceback(f)))
print('--- once')
print(capture(lambda f: faulthandler.dump_traceback_later(0.25, file=f), 1.0))
print('--- cancelled')
print(capture(lambda f: (faulthandler.dump_traceback_later(0.5, file=f), faulthandler.cancel_dump_traceback_later()), 1.0))
print('--- repeat')
text = capture(lambda f: faulthandler.dump_traceback_later(0.3, repeat=True, file=f), 1.0)
faulthandler.cancel_dump_traceback_later()
print(text.count('Timeout (0:00:00.300000)!') >= 2)
print('--- register')


def on_signal(f):
    faulthandler.register(signal.SIGUSR1, file=f)
    os.kill(os.getpid(), signal.SIGUSR1)


# CPython dumps inside the handler; Spindle's helper thread a moment later,
# so only the other thread's block and the receiver's header are compared.
text = capture(on_signal, 0.5)
print(text.split('\n\n')[0])
print('Current thread 0xID (most recent call first):' in text)
print(faulthandler.unregister(signal.SIGUSR1))
release.set()
t.join()
print('--- fatal')
child = subprocess.run([sys.executable, '-X', 'faulthandler', '-c', 'import faulthandler\nfaulthandler._sigsegv()'],
                       capture_output=True, text=True)
lines = child.stderr.splitlines()
print(child.returncode, lines[0], '  File "<string>", line 2 in <module>' in lines)
child = subprocess.run([sys.executable, '-c', 'import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._sigabrt()'],
                       capture_output=True, text=True)
lines = child.stderr.splitlines()
print(child.returncode, lines[:2], lines[2] if len(lines) > 2 else None)
