# Pins: OS signals reach Python handlers on the main thread: os.kill to self runs the handler before the next statement, raise_signal, SIG_IGN, SIGINT's default KeyboardInterrupt, set_wakeup_fd writes the signal number, a raising handler interrupts time.sleep and a blocking recv (PEP 475: otherwise retried), pthread_sigmask/sigpending/sigwait, setitimer/getitimer.
# recorded-with: cpython-3.13
import os, signal, socket, time, pty, tty, termios

got = []
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
old = signal.signal(signal.SIGUSR1, lambda s, f: got.append((s, type(f).__name__)))
print(old)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", got)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", got)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored", got, signal.getsignal(signal.SIGUSR1))
try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e), e.__traceback__.tb_next)

r, w = socket.socketpair()
w.setblocking(False)
signal.signal(signal.SIGUSR2, lambda s, f: None)
print(signal.set_wakeup_fd(w.fileno()))
signal.raise_signal(signal.SIGUSR2)
print(r.recv(10) == bytes([signal.SIGUSR2]), signal.set_wakeup_fd(-1) == w.fileno())
try:
    signal.set_wakeup_fd(r.fileno())
except ValueError as e:
    print("ValueError", "non-blocking" in str(e))

def boom(signum, frame):
    raise RuntimeError(f"handler for {signal.Signals(signum).name}")
signal.signal(signal.SIGALRM, boom)
t = time.monotonic()
signal.alarm(1)
try:
    time.sleep(5)
except RuntimeError as e:
    print("sleep:", e, time.monotonic() - t < 3)
signal.alarm(1)
try:
    r.recv(10)
except RuntimeError as e:
    print("recv:", e)
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
signal.alarm(1)
t = time.monotonic()
time.sleep(1.5)
print("slept through", got[-1], time.monotonic() - t >= 1.4)
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(sorted(old), signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_BLOCK, []))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.SIGUSR1 in signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]) == signal.SIGUSR1)
signal.pthread_sigmask(signal.SIG_SETMASK, old)
got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
print(signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05))
time.sleep(0.3)
v, i = signal.setitimer(signal.ITIMER_REAL, 0)
print(len(got) >= 3, round(i, 2))
print(signal.getitimer(signal.ITIMER_REAL))
try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print("ItimerError", e.errno)
