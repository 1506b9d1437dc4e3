"""The point of Spindle in one command: the same CPU-bound job split over
1, 2, 4 and 8 threads, run with a GIL (-X gil=1) and without (-X gil=0).

    target/release/spindle examples/gil_vs_free.py [ITERATIONS]

With the GIL only one thread runs Python at a time, so more threads never
finish the job sooner (speedup stays near 1.0). Without it the threads run
in parallel, up to the number of cores. The script runs itself once per mode
(via sys.executable) and prints both columns side by side.
"""
import os
import subprocess
import sys
import threading
import time

THREADS = (1, 2, 4, 8)


def work(start, stop, out, slot):
    total = 0
    for i in range(start, stop):
        total += i * i % 7
    out[slot] = total


def timed_run(n_threads, iterations):
    """Seconds to do `iterations` loop steps split over `n_threads` threads."""
    out = [0] * n_threads
    step = iterations // n_threads
    threads = [threading.Thread(target=work, args=(k * step, (k + 1) * step, out, k)) for k in range(n_threads)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def child(iterations):
    """Runs in the re-launched interpreter: one line per thread count."""
    print("gil", sys._is_gil_enabled())
    for n in THREADS:
        best = min(timed_run(n, iterations) for _ in range(2))
        print(n, best, flush=True)


def run_mode(gil, iterations):
    """{threads: seconds} for one mode, or the reason it could not run."""
    cmd = [sys.executable, "-X", f"gil={gil}", __file__, "--child", str(iterations)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or ["exit status %d" % p.returncode])[0]
    lines = p.stdout.split("\n")
    times = {int(n): float(t) for n, t in (line.split() for line in lines[1:] if line)}
    return times, lines[0]


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
    print(f"{iterations:,} loop iterations split over N threads; {os.cpu_count()} CPU cores")
    results = {gil: run_mode(gil, iterations) for gil in (1, 0)}
    for gil, (times, note) in results.items():
        if times is None:
            print(f"-X gil={gil} did not run: {note}")
    print()
    print("threads |   GIL (-X gil=1)   | free-threaded (-X gil=0)")
    print("        |   time   speedup   |   time   speedup")
    for n in THREADS:
        cells = []
        for gil in (1, 0):
            times = results[gil][0]
            if times is None:
                cells.append("      -        -   ")
            else:
                cells.append(f"{times[n]:6.3f}s  {times[1] / times[n]:5.2f}x   ")
        print(f"{n:7d} |  {cells[0]}|  {cells[1]}")
    print()
    print("speedup = time with 1 thread / time with N threads (same total work).")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
    else:
        main()
