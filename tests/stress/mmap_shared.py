"""One anonymous mmap used by all threads at once: slice and item reads
and writes, find, read/seek, memoryviews, while one thread resizes it and,
at the end, closes it under the others. No crash (no read of an unmapped
address), and only the errors CPython gives for those races.
"""

import mmap

from _stress import THREADS, check, expect_error, finish, iters, run_threads

N = iters(3000)
m = mmap.mmap(-1, 4096)
ALLOWED = {
    "mmap closed or invalid",
    "mmap index out of range",
    "mmap slice assignment is wrong size",
    "data out of range",
    "seek out of range",
    "read byte out of range",
    "mmap can't resize with extant buffers exported.",
    "cannot close exported pointers exist",
    "operation forbidden on released memoryview object",
}


def worker(i):
    for k in range(N):
        try:
            if i == 0 and k % 50 == 0:
                m.resize(2048 if (k // 50) % 2 else 4096)
                continue
            if i == 1 and k == N - 1:
                m.close()
                continue
            n = len(m)
            at = (k * 37 + i) % max(1, n - 8)
            m[at:at + 4] = bytes([i, k % 256, 1, 2])
            v = m[at]
            check(0 <= v < 256, "item out of byte range")
            m.find(b"\x01\x02", 0, n)
            m.seek(at)
            m.read(4)
            if k % 100 == 0:
                with memoryview(m) as mv:
                    bytes(mv[:16])
        except (ValueError, IndexError, BufferError, TypeError) as e:
            expect_error(e, ALLOWED)
    return None


run_threads(worker)
check(m.closed, "the map was not closed")
finish()
