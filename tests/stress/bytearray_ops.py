"""One bytearray shared by all threads: append, extend, +=, insert, pop,
remove, slice insertion and slice reads, reverse, indexing, find, count,
bytes() copies.

Thread t only ever adds the byte value t+1, so at the end the bytearray
holds, for each value, exactly the number added minus the number popped
or removed. CPython's errors for these races are tolerated: IndexError
from pop or indexing of a bytearray another thread emptied, ValueError
from remove of a value another thread took.
"""

import collections
import random

from _stress import THREADS, check, expect_error, finish, iters, run_threads

N = iters(8000)
B = bytearray()
assert THREADS < 255


def worker(t):
    rng = random.Random(t)
    mine = t + 1
    added = 0
    taken = collections.Counter()
    for i in range(N):
        op = rng.randrange(14)
        if op <= 1:
            B.append(mine)
            added += 1
        elif op == 2:
            B.extend(bytes([mine, mine, mine]))
            added += 3
        elif op == 3:
            alias = B
            alias += bytes([mine])
            added += 1
        elif op == 4:
            B.insert(rng.randrange(-3, 3), mine)
            added += 1
        elif op == 5:
            B[1:1] = bytes([mine, mine])
            added += 2
        elif op <= 8:
            try:
                x = B.pop() if op != 8 else B.pop(0)
            except IndexError as e:
                expect_error(e, ("pop from empty bytearray",))
            else:
                check(1 <= x <= THREADS, lambda: f"popped {x}")
                taken[x] += 1
        elif op == 9:
            try:
                B.remove(mine)
            except ValueError as e:
                expect_error(e, ("value not found in bytearray",))
            else:
                taken[mine] += 1
        elif op == 10:
            s = B[2:40]
            check(type(s) is bytearray and all(1 <= x <= THREADS for x in s), "bad slice")
            b = bytes(B)
            check(all(1 <= x <= THREADS for x in b[:64]), "bad bytes() copy")
        elif op == 11:
            if i % 16 == 0:
                B.reverse()
            else:
                B.find(mine)
                B.count(mine)
        elif op == 12:
            try:
                x = B[rng.randrange(-3, 3)]
            except IndexError as e:
                expect_error(e, ("bytearray index out of range",))
            else:
                check(1 <= x <= THREADS, lambda: f"B[i] gave {x}")
        else:
            check(len(B) >= 0, "negative len")
            mine in B
    return added, taken


results = run_threads(worker)
left = collections.Counter(B)
check(type(B) is bytearray, "B is no longer a bytearray")
check(set(left) <= set(range(1, THREADS + 1)), lambda: f"unknown byte values {set(left) - set(range(1, THREADS + 1))}")
for t, r in enumerate(results):
    if r is None:
        continue
    mine = t + 1
    all_taken = sum(tk[mine] for _, tk in results if tk is not None)
    check(r[0] == all_taken + left[mine],
          lambda: f"value {mine}: added {r[0]} != taken {all_taken} + left {left[mine]}")
finish()
