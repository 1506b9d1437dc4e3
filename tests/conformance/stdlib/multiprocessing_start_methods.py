# multiprocessing with every start method on Linux: the default (3.14: 'forkserver'), 'fork',
# 'forkserver' and 'spawn' Pools, and ProcessPoolExecutor with the default context; a worker's
# exception comes back to the parent.
# recorded-with: cpython-3.13 (it starts processes, which the WebAssembly 3.14 cannot; 3.13's
# default start method is 'fork', 3.14's 'forkserver': the case does not print it)
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def sq(x):
    return x * x


def boom(x):
    raise ValueError(f"bad {x}")


if __name__ == "__main__":
    with mp.Pool(2) as p:
        print("default", p.map(sq, range(6)))
    for method in ("fork", "forkserver", "spawn"):
        ctx = mp.get_context(method)
        with ctx.Pool(2) as p:
            print(method, p.map(sq, range(4)), p.apply(sq, (7,)))
            try:
                p.apply(boom, (3,))
            except ValueError as e:
                print(method, "raised", e)
    with ProcessPoolExecutor(2) as ex:
        print("executor", list(ex.map(sq, range(5))))
