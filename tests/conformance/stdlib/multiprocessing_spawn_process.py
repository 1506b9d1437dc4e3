# Pins: multiprocessing.Process under 'spawn' (set_start_method): exit codes from return, sys.exit(n) and terminate(), Queue, Pipe connections, a Lock and Event shared with a child, and a Manager's dict/list proxies.
# recorded-with: cpython-3.13
# (Recorded natively: the WebAssembly 3.14 cannot start processes. 3.14's default start method on Linux is 'forkserver', so this case names 'spawn'.)
import multiprocessing as mp
import sys
import time


def exit_with(code):
    sys.exit(code)


def sleep_long():
    time.sleep(60)


def produce(q, n):
    for i in range(n):
        q.put(("item", i))
    q.put(None)


def echo(conn):
    while (msg := conn.recv()) is not None:
        conn.send(msg * 2)
    conn.close()


def with_lock(lock, event, conn):
    with lock:
        conn.send("locked in child")
    event.set()


def fill(d, l):
    d["answer"] = 42
    l.extend([1, 2, 3])


if __name__ == '__main__':
    mp.set_start_method('spawn')
    print(mp.get_start_method())
    for code in (0, 5):
        p = mp.Process(target=exit_with, args=(code,))
        p.start()
        p.join()
        print("exitcode", p.exitcode)
    p = mp.Process(target=sleep_long, name="sleeper")
    p.start()
    print(p.name, p.is_alive())
    p.terminate()
    p.join()
    print("terminated", p.exitcode, p.is_alive())

    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 3))
    p.start()
    while (item := q.get(timeout=30)) is not None:
        print(item)
    p.join()

    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    for msg in ("ab", 21, [1]):
        parent.send(msg)
        print(parent.recv())
    parent.send(None)
    p.join()
    print("echo exit", p.exitcode)

    lock, event = mp.Lock(), mp.Event()
    a, b = mp.Pipe(duplex=False)
    lock.acquire()
    p = mp.Process(target=with_lock, args=(lock, event, b))
    p.start()
    print(a.poll(0.2))
    lock.release()
    print(a.recv(), event.wait(30))
    p.join()

    with mp.Manager() as m:
        d, l = m.dict(), m.list()
        p = mp.Process(target=fill, args=(d, l))
        p.start()
        p.join()
        print(dict(d), list(l))
