# Pins: multiprocessing with the 'spawn' start method: Pool.map/imap/imap_unordered/starmap/apply_async, a worker's exception re-raised in the parent, functions from __main__ (re-imported as __mp_main__ in the child), and concurrent.futures.ProcessPoolExecutor with mp_context.
# recorded-with: cpython-3.13
# (Recorded natively: the WebAssembly 3.14 cannot start processes. 3.14's default start method on Linux is 'forkserver', so this case names 'spawn'.)
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    raise ValueError(f"bad value {x}")


def where(parent):
    return __name__, os.getpid() != parent

if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    print(ctx.get_start_method())
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(8)))
        print(list(pool.imap(square, range(5), chunksize=2)))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        r = pool.apply_async(add, (20, 22))
        print(r.get(timeout=30), r.ready(), r.successful())
        try:
            pool.apply(fail, (7,))
        except ValueError as e:
            print("ValueError:", e)
        print(set(pool.map(where, [os.getpid()] * 4)))
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print(list(ex.map(square, range(6))))
        fut = ex.submit(fail, 1)
        print(type(fut.exception(timeout=30)).__name__, fut.exception())
