# Creates and drops ten million two-object cycles (lists, and instances
# referring to each other through their __dict__), printing the resident set
# size before and after: with the cycle collector it stays flat.
# Run: spindle bench/gc/cycles_rss.py [N]   (not a timed benchmark)
import gc, os, sys, time

def rss_mib():
    fd = os.open("/proc/self/statm", os.O_RDONLY)
    try:
        pages = int(os.read(fd, 200).split()[1])
    finally:
        os.close(fd)
    return pages * 4096 / (1 << 20)

class Node:
    pass

def lists(n):
    for _ in range(n):
        a = []
        b = [a]
        a.append(b)

def instances(n):
    for _ in range(n):
        x = Node()
        y = Node()
        x.other = y
        y.other = x

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
gc.collect()
print(f"start: rss {rss_mib():.1f} MiB")
for name, fn in (("list pairs", lists), ("instance pairs", instances)):
    t = time.perf_counter()
    fn(n // 10)
    mid = rss_mib()
    fn(n - n // 10)
    print(f"{name}: {n} cycles in {time.perf_counter() - t:.1f} s; rss after 10%: {mid:.1f} MiB, after all: {rss_mib():.1f} MiB")
print("gc.get_stats():", gc.get_stats())
