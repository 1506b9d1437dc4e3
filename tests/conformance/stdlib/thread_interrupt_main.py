# Pins: _thread.interrupt_main: KeyboardInterrupt in the main thread blocked in a lock wait, another signal's Python handler, SIG_IGN/SIG_DFL passed over, the range check; start_new_thread/start_joinable_thread argument checks.
# recorded-with: cpython-3.13
# timeout: 30
import _thread
import signal
import threading
import time


def later(*args):
    def go():
        time.sleep(0.05)
        _thread.interrupt_main(*args)
    threading.Thread(target=go).start()


later()
try:
    threading.Event().wait(10)
    print("not interrupted")
except KeyboardInterrupt:
    print("Event.wait: KeyboardInterrupt")

got = []
signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signal.Signals(signum).name))
later(signal.SIGUSR1)
deadline = time.monotonic() + 10
while not got and time.monotonic() < deadline:
    pass
print("SIGUSR1 handler ran", got)

for disposition in (signal.SIG_IGN, signal.SIG_DFL):
    signal.signal(signal.SIGUSR2, disposition)
    _thread.interrupt_main(signal.SIGUSR2)
    for _ in range(1000):
        pass
    print("SIGUSR2", disposition, "passed over")
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
for _ in range(1000):
    pass
print("SIGINT ignored")

for bad in (0, -1, 100000):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print("ValueError:", e)
for args in [(5, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    _thread.start_joinable_thread(5)
except TypeError as e:
    print("TypeError:", e)
