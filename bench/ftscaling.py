#!/usr/bin/env python3
"""Free-threading scaling micro-benchmarks (issue 7).

Small patterns that ought to scale linearly with threads when Python runs
without a GIL, but that have not always done so in free-threaded runtimes:
usually because every thread touches one shared object (its reference count,
its lock, the cache line holding either) or one runtime-wide lock.  The list
follows the ideas of CPython's Tools/ftscalingbench plus the patterns users
reported slow on 3.13t (reads of one shared instance, dict, lock, class,
function, string...).  See bench/README.md.

Weak scaling: every thread does the full, fixed amount of work of a pattern,
so ideal wall time stays flat as threads are added; the throughput speedup at
N threads is N*t1/tN and the efficiency speedup/N.

This one file is both:
  * the runner (host python3, standard library only): starts each pattern in a
    subprocess under each interpreter given with --interp and prints a table;
  * the worker (`--worker PATTERN`, run under the measured interpreter): keeps a
    pool of threads per thread count and times the pattern on it.
"""
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ----------------------------------------------------------------------------
# Shared state: created once at import, before any thread starts, and then only
# read by every thread (the point of most patterns).

class SharedThing:
    """One instance of this is read by all threads."""
    class_const = 7

    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3

    def value(self):
        return self.a

    @property
    def prop(self):
        return self.b


class Pair:
    """A shared class instantiated by all threads (with an __init__)."""

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Empty:
    pass


class Base:
    def hook(self, x):
        return x + 1


class Derived(Base):
    def hook(self, x):
        return super().hook(x) + 1


class CallCounter:
    """Thread-private instance whose method mutates it."""

    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


class Silent:
    """A do-nothing context manager."""

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        return False


class NoSlots:
    __slots__ = ()

    def ping(self):
        return 1


SHARED_OBJ = SharedThing()
SHARED_DICT = {"alpha": 1, "beta": 2, "gamma": 3}
SHARED_RW_DICT = {"alpha": 1, "beta": 2, "gamma": 3}
SHARED_RW_SET = {"alpha", "beta", "gamma"}
SHARED_LIST = list(range(64))
SHARED_SET = frozenset(range(0, 128, 3))
SHARED_STR = "spindle-runs-python"
SHARED_INT = 12345
SHARED_LOCK = threading.Lock()
THREAD_LOCAL = threading.local()
THIS_MODULE = sys.modules[__name__]


def add_one(x):
    return x + 1


def twice(x):
    return x + x


def take_kwargs(a, b=0, *, c=0):
    return a + b + c


def count_to(k):
    for j in range(k):
        yield j


# ----------------------------------------------------------------------------
# Patterns.  Each takes the iteration count n and returns a value that must be
# the same in every thread (checked by the worker).  PATTERNS maps the name to
# (function, base iterations, what it exercises); the base is chosen so that
# the patterns take similar times (about 0.4 s on one thread of CPython 3.13.0
# on the busy 2-core dev host, a few times less on spindle); --scale multiplies them all.

PATTERNS = {}


def pattern(base, what):
    def deco(fn):
        PATTERNS[fn.__name__] = (fn, base, what)
        return fn
    return deco


# --- after Tools/ftscalingbench ---------------------------------------------

@pattern(1_440_000, "list methods (pop(0)/append/index) on a thread-private list")
def object_cfunction(n):
    lst = [0] * 50
    acc = 0
    for i in range(n):
        lst.pop(0)
        lst.append(i)
        acc += lst[25]
    return acc


@pattern(1_350_000, "a C-module function (math.sqrt) on floats")
def cmodule_function(n):
    import math  # math.sqrt looked up through the module each time, as users write it
    acc = 0.0
    for i in range(n):
        acc += math.sqrt(i)
    return int(acc)


@pattern(570_000, "round(float): special-method lookup on the float type")
def object_lookup_special(n):
    acc = 0
    for i in range(n):
        acc += round(i * 0.5)
    return acc


@pattern(291_000, "`with` on a fresh user context manager")
def context_manager(n):
    for _ in range(n):
        with Silent():
            pass
    return n


@pattern(2_280_000, "float multiply by a constant")
def mult_constant(n):
    x = 1.0
    for _ in range(n):
        x *= 1.0000001
    return int(x)


@pattern(168_000, "iterate a small generator")
def generator(n):
    acc = 0
    for _ in range(n):
        for v in count_to(8):
            acc += v
    return acc


@pattern(1_200_000, "method call mutating a thread-private instance")
def pymethod(n):
    c = CallCounter()
    for _ in range(n):
        c.bump()
    return c.n


@pattern(1_410_000, "call a shared module-level function (a global)")
def pyfunction(n):
    acc = 0
    for i in range(n):
        acc = add_one(i)
    return acc


@pattern(960_000, "call a function through the shared module object")
def module_function(n):
    acc = 0
    for i in range(n):
        acc += THIS_MODULE.twice(i)
    return acc


@pattern(1_320_000, "compare with a str constant of the code object")
def load_string_const(n):
    acc = 0
    for i in range(n):
        if i == "a shared constant":
            acc += 5
        else:
            acc += 1
    return acc


@pattern(1_260_000, "compare with a tuple constant of the code object")
def load_tuple_const(n):
    acc = 0
    for i in range(n):
        if i == (3, 4):
            acc += 5
        else:
            acc += 1
    return acc


@pattern(900_000, "instantiate a shared empty class")
def create_pyobject(n):
    for _ in range(n):
        o = Empty()
    return n


@pattern(390_000, "define and call a closure")
def create_closure(n):
    acc = 0
    for i in range(n):
        def inner(x):
            return x + i
        acc += inner(1)
    return acc


@pattern(810_000, "build a small dict display")
def create_dict(n):
    for i in range(n):
        d = {"k": i, "v": "w"}
    return n


@pattern(255_000, "read an attribute of a threading.local (5 reads/iter)")
def thread_local_read(n):
    loc = THREAD_LOCAL
    loc.x = 10
    acc = 0
    for _ in range(n):
        acc += loc.x
        acc += loc.x
        acc += loc.x
        acc += loc.x
        acc += loc.x
    return acc


@pattern(810_000, "operator.methodcaller on a __slots__ instance")
def method_caller(n):
    from operator import methodcaller
    call = methodcaller("ping")
    obj = NoSlots()
    acc = 0
    for _ in range(n):
        acc += call(obj)
    return acc


def _dataclass_type():
    from dataclasses import dataclass

    @dataclass
    class Point3:
        x: int
        y: int
        z: int
    return Point3


def _namedtuple_type():
    from collections import namedtuple
    return namedtuple("Point3", ["x", "y", "z"])


def _typing_namedtuple_type():
    from typing import NamedTuple

    class Point3(NamedTuple):
        x: int
        y: int
        z: int
    return Point3


# Classes built on first use (imports only then), shared by all threads: the
# worker calls every pattern once on the main thread before starting threads.
_LAZY = {}


def _lazy(key, make):
    t = _LAZY.get(key)
    if t is None:
        t = _LAZY[key] = make()
    return t


@pattern(195_000, "instantiate a shared @dataclass (keywords)")
def instantiate_dataclass(n):
    cls = _lazy("dc", _dataclass_type)
    for _ in range(n):
        o = cls(x=1, y=2, z=3)
    return o.x + o.y + o.z


@pattern(150_000, "instantiate a shared collections.namedtuple (keywords)")
def instantiate_namedtuple(n):
    cls = _lazy("nt", _namedtuple_type)
    for _ in range(n):
        o = cls(x=1, y=2, z=3)
    return sum(o)


@pattern(162_000, "instantiate a shared typing.NamedTuple (keywords)")
def instantiate_typing_namedtuple(n):
    cls = _lazy("tnt", _typing_namedtuple_type)
    for _ in range(n):
        o = cls(x=1, y=2, z=3)
    return sum(o)


@pattern(14_100, "copy.deepcopy of a small nested dict")
def deepcopy(n):
    import copy
    src = {"list": [1, 2, [3]], "tuple": (1, None), "s": "x"}
    for _ in range(n):
        d = copy.deepcopy(src)
    return len(d)


# --- reported slow on 3.13t: one shared object read by every thread ----------

@pattern(1_410_000, "read 3 attributes of one shared instance")
def shared_attr_read(n):
    o = SHARED_OBJ
    acc = 0
    for _ in range(n):
        acc += o.a + o.b + o.c
    return acc


@pattern(1_380_000, "dict.get of one key of one shared dict")
def shared_dict_get(n):
    d = SHARED_DICT
    acc = 0
    for _ in range(n):
        acc += d.get("beta")
    return acc


@pattern(1_440_000, "subscript one shared dict")
def shared_dict_subscript(n):
    d = SHARED_DICT
    acc = 0
    for _ in range(n):
        acc += d["gamma"]
    return acc


@pattern(1_440_000, "subscript one shared dict that every thread also writes (its own key, every 16th iteration)")
def shared_dict_read_write(n):
    d = SHARED_RW_DICT
    me = "t%d" % threading.get_ident()
    acc = 0
    for i in range(n):
        if i & 15 == 0:
            d[me] = i
        else:
            acc += d["gamma"]
    return acc


@pattern(1_440_000, "membership test in one shared set that every thread also writes (adds or discards its own small-int key, every 16th iteration)")
def shared_set_read_write(n):
    s = SHARED_RW_SET
    # A small int, as the dict pattern's values: a heap key would add the
    # cost of retiring it after each discard (QSBR), measured apart.
    me = threading.get_ident() & 0xFFFFF
    acc = 0
    for i in range(n):
        if i & 15 == 0:
            if i & 16:
                s.discard(me)
            else:
                s.add(me)
        elif "gamma" in s:
            acc += 1
    return acc


@pattern(1_350_000, "call a (read-only) method of one shared instance")
def shared_method_call(n):
    o = SHARED_OBJ
    acc = 0
    for _ in range(n):
        acc += o.value()
    return acc


@pattern(1_320_000, "read a property of one shared instance")
def shared_property_read(n):
    o = SHARED_OBJ
    acc = 0
    for _ in range(n):
        acc += o.prop
    return acc


@pattern(1_860_000, "read a class attribute through a shared instance")
def shared_class_attr(n):
    o = SHARED_OBJ
    acc = 0
    for _ in range(n):
        acc += o.class_const
    return acc


@pattern(1_560_000, "lock.locked() on one shared threading.Lock")
def shared_lock_locked(n):
    lk = SHARED_LOCK
    acc = 0
    for _ in range(n):
        if not lk.locked():
            acc += 1
    return acc


@pattern(600_000, "instantiate one shared class with an __init__")
def shared_class_instantiate(n):
    acc = 0
    for i in range(n):
        p = Pair(i, 1)
        acc += p.y
    return acc


@pattern(1_560_000, "read a module-level int and str global")
def shared_global_read(n):
    acc = 0
    for _ in range(n):
        if SHARED_STR:
            acc += SHARED_INT
    return acc


@pattern(1_290_000, "method of one shared str (startswith)")
def shared_str_method(n):
    s = SHARED_STR
    acc = 0
    for _ in range(n):
        if s.startswith("spin"):
            acc += 1
    return acc


@pattern(1_620_000, "index one shared list")
def shared_list_index(n):
    lst = SHARED_LIST
    acc = 0
    for i in range(n):
        acc += lst[i & 63]
    return acc


@pattern(1_350_000, "membership test in one shared frozenset")
def shared_set_contains(n):
    s = SHARED_SET
    acc = 0
    for i in range(n):
        if (i & 127) in s:
            acc += 1
    return acc


@pattern(1_290_000, "builtins on shared objects: len() and isinstance()")
def builtin_call(n):
    lst = SHARED_LIST
    o = SHARED_OBJ
    acc = 0
    for _ in range(n):
        if isinstance(o, SharedThing):
            acc += len(lst)
    return acc


# --- other common shapes ---------------------------------------------------

@pattern(1_020_000, "local int arithmetic only (the baseline)")
def int_arith(n):
    acc = 0
    for i in range(n):
        acc = (acc + i * 7) & 0xFFFF
    return acc


@pattern(1_140_000, "call with keyword arguments")
def kwargs_call(n):
    acc = 0
    for i in range(n):
        acc += take_kwargs(1, b=2, c=3)
    return acc


@pattern(720_000, "super().method() in a subclass")
def super_call(n):
    o = Derived()
    acc = 0
    for i in range(n):
        acc += o.hook(1)
    return acc


@pattern(450_000, "raise and catch an exception")
def exception_catch(n):
    acc = 0
    for i in range(n):
        try:
            raise ValueError
        except ValueError:
            acc += 1
    return acc


@pattern(570_000, "f-string formatting of an int and a shared str")
def fstring_format(n):
    s = SHARED_STR
    acc = 0
    for i in range(n):
        acc += len(f"{i}:{s}")
    return acc


@pattern(252_000, "list comprehension over range(10)")
def list_comprehension(n):
    acc = 0
    for _ in range(n):
        acc += len([x * 2 for x in range(10)])
    return acc


# ----------------------------------------------------------------------------
# Worker: runs under the measured interpreter.

class Pool:
    """n threads waiting on a barrier; run(fn, k) makes each call fn(k) once and
    returns the wall time from release to the last thread's finish."""

    def __init__(self, n):
        self.n = n
        self.go = threading.Barrier(n + 1)
        self.done = threading.Barrier(n + 1)
        self.job = None
        self.results = [None] * n
        self.threads = [threading.Thread(target=self._loop, args=(k,), daemon=True)
                        for k in range(n)]
        for t in self.threads:
            t.start()

    def _loop(self, idx):
        while True:
            self.go.wait()
            job = self.job
            if job is None:
                return
            fn, k = job
            try:
                self.results[idx] = ("ok", fn(k))
            except BaseException as e:  # reported, not fatal to the pool
                self.results[idx] = ("error", "%s: %s" % (type(e).__name__, e))
            self.done.wait()

    def run(self, fn, k):
        """Returns (wall seconds, process CPU seconds) of one round."""
        self.job = (fn, k)
        self.results = [None] * self.n
        c0 = time.process_time()
        t0 = time.perf_counter()
        self.go.wait()
        self.done.wait()
        return time.perf_counter() - t0, time.process_time() - c0

    def close(self):
        self.job = None
        self.go.wait()
        for t in self.threads:
            t.join()


def worker(name, threads, repeat, scale):
    gil = getattr(sys, "_is_gil_enabled", None)
    print("info version=%s gil=%s cpus=%s" % (
        sys.version.split()[0], "?" if gil is None else int(gil()), os.cpu_count()))
    fn, base, _ = PATTERNS[name]
    n = max(1, int(base * scale))
    expected = fn(n)  # warm-up on the main thread; builds lazy classes
    pools = {k: Pool(k) for k in threads}
    for k in threads:  # one untimed run per pool: thread start-up, caches
        pools[k].run(fn, n)
    failed = None
    for rep in range(repeat):
        # Interleave the thread counts so slow drift of the machine hits all.
        for k in threads:
            dt, cpu = pools[k].run(fn, n)
            print("time %d %d %.6f %.6f" % (k, rep, dt, cpu), flush=True)
            for status, value in pools[k].results:
                if status != "ok":
                    failed = value
                elif value != expected and failed is None:
                    failed = "thread result %r != single-thread result %r" % (value, expected)
            if failed:
                print("error %s" % failed.replace("\n", " "))
                return 1
    for p in pools.values():
        p.close()
    print("done")
    return 0


def worker_process(name, scale, at):
    """One process of the machine-ceiling measurement: warm up, wait for the
    common start time `at` (time.time()), time one run on the main thread."""
    fn, base, _ = PATTERNS[name]
    n = max(1, int(base * scale))
    fn(n)
    delay = at - time.time()
    if delay > 0:
        time.sleep(delay)
    t0 = time.perf_counter()
    fn(n)
    print("time 1 0 %.6f" % (time.perf_counter() - t0), flush=True)
    print("done")
    return 0


# ----------------------------------------------------------------------------
# Runner: host python3.

CEILING_PATTERN = "int_arith"

BARS = {2: (1.7, 2), 8: (6.0, 16)}  # threads: (min speedup, min cores to apply)


def usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_proc(argv, env, timeout):
    """bench/run.py's run_proc with the child in the runner's session, as the
    process-ceiling row's processes are (see run_proc there)."""
    from run import run_proc as run
    return run(argv, env, timeout, own_session=False)


def run_pattern(cmd, name, threads, repeat, scale, timeout):
    from run import describe_exit
    argv = cmd.argv + [os.path.abspath(__file__), "--worker", name,
                       "--threads", ",".join(map(str, threads)),
                       "--repeat", str(repeat), "--scale", repr(scale)]
    res = {"pattern": name, "times": {k: [] for k in threads},
           "cpu": {k: [] for k in threads}, "error": None, "info": ""}
    try:
        rc, out, err, _ = run_proc(argv, cmd.env, timeout)
    except OSError as e:
        res["error"] = "cannot start: %s" % e
        return res
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    done = False
    for line in out.splitlines():
        w = line.split()
        if not w:
            continue
        if w[0] == "time" and len(w) == 5:
            res["times"].setdefault(int(w[1]), []).append(float(w[3]))
            res["cpu"].setdefault(int(w[1]), []).append(float(w[4]))
        elif w[0] == "info":
            res["info"] = line[5:]
        elif w[0] == "error":
            res["error"] = line[6:][:200]
        elif w[0] == "done":
            done = True
    if res["error"] is None and not done:
        if rc is None:
            res["error"] = "timeout after %gs" % timeout
        else:
            tail = (err.strip().splitlines() or out.strip().splitlines() or [""])[-1]
            res["error"] = "%s: %s" % (describe_exit(rc) if rc else "no result", tail[:200])
    return res


def process_ceiling(cmd, threads, repeat, scale, timeout):
    """The machine's attainable speedup right now: N *processes* of the same
    interpreter each run CEILING_PATTERN once, started together; tN is the
    slowest.  On a shared host this is the ceiling for the thread figures."""
    import subprocess
    res = {"pattern": "(%s x N processes)" % CEILING_PATTERN,
           "times": {k: [] for k in threads}, "error": None, "info": ""}
    for _ in range(repeat):
        for k in threads:
            at = time.time() + 0.5 + 0.05 * k
            argv = cmd.argv + [os.path.abspath(__file__), "--worker-process",
                               CEILING_PATTERN, repr(scale), repr(at)]
            procs = [subprocess.Popen(argv, env=cmd.env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                     for _ in range(k)]
            worst = 0.0
            for p in procs:
                try:
                    out, err = p.communicate(timeout=timeout)
                except subprocess.TimeoutExpired:
                    p.kill()
                    out, err = p.communicate()
                ts = [float(l.split()[3]) for l in out.decode("utf-8", "replace").splitlines()
                      if l.startswith("time ")]
                if not ts:
                    res["error"] = (err.decode("utf-8", "replace").strip().splitlines()
                                    or ["no time"])[-1][:200]
                    worst = None
                elif worst is not None:
                    worst = max(worst, ts[0])
            if worst is None:
                return res
            res["times"][k].append(worst)
    return res


def summarize(res, threads, cores):
    """Adds best times, speedups, efficiencies and the bar verdict."""
    best = {k: (min(v) if v else None) for k, v in res["times"].items()}
    res["best"] = best
    t1 = best.get(1)
    cpu = {k: (min(v) if v else None) for k, v in res.get("cpu", {}).items()}
    c1 = cpu.get(1)
    res["cpu_eff"] = {k: (k * c1 / c if (c1 and c) else None) for k, c in cpu.items()}
    res["speedup"] = {}
    verdicts = []
    for k in threads:
        tk = best.get(k)
        sp = k * t1 / tk if (t1 and tk) else None
        res["speedup"][k] = sp
        bar = BARS.get(k)
        if bar and cores >= bar[1]:
            verdicts.append(sp is not None and sp >= bar[0])
    if res["error"]:
        res["verdict"] = "ERROR"
    elif verdicts:
        res["verdict"] = "PASS" if all(verdicts) else "FAIL"
    else:
        res["verdict"] = "n/a"
    return res


def fmt(x, spec):
    return "—" if x is None else spec % x


def print_table(label, rows, threads):
    multi = [k for k in threads if k > 1]
    head = ["pattern", "t1 (s)"]
    for k in multi:
        head += ["t%d (s)" % k, "x%d" % k, "eff%d" % k, "cpu-eff%d" % k]
    head.append("bar")
    print("### " + label)
    print()
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 2) + "---|")
    for r in rows:
        cells = [r["pattern"], fmt(r["best"].get(1), "%.3f")]
        for k in multi:
            sp = r["speedup"].get(k)
            cells += [fmt(r["best"].get(k), "%.3f"), fmt(sp, "%.2f"),
                      fmt(None if sp is None else sp / k, "%.2f"),
                      fmt(r.get("cpu_eff", {}).get(k), "%.2f")]
        v = r["verdict"]
        if r["error"]:
            v = "ERROR: " + r["error"].replace("|", "/")[:120]
        cells.append(v)
        print("| " + " | ".join(cells) + " |")
    print()


def print_comparison(all_rows, labels, threads):
    multi = [k for k in threads if k > 1]
    if len(labels) < 2 or not multi:
        return
    print("### Speedup x%s side by side" % "/x".join(map(str, multi)))
    print()
    print("| pattern | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    names = [r["pattern"] for r in all_rows[0]]
    for i, name in enumerate(names):
        cells = []
        for rows in all_rows:
            r = rows[i]
            cells.append(" / ".join(fmt(r["speedup"].get(k), "%.2f") for k in multi))
        print("| %s | %s |" % (name, " | ".join(cells)))
    print()


def runner(argv):
    import argparse
    import json
    sys.path.insert(0, HERE)
    from run import Cmd
    from scale import parse_threads

    ap = argparse.ArgumentParser(
        description="Thread-scaling micro-benchmarks (weak scaling; see bench/README.md).")
    ap.add_argument("--interp", action="append", default=[], metavar="CMD",
                    help="interpreter command; leading NAME=VALUE words set the environment, "
                         "e.g. 'PYENV_VERSION=3.13.0 python3' or "
                         "'target/release/spindle -X gil=1' (repeatable; default "
                         "target/release/spindle)")
    ap.add_argument("--threads", default="1,2", help="thread counts, comma-separated "
                    "(1 is always added; default 1,2)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="only these patterns (repeatable or comma-separated)")
    ap.add_argument("--repeat", type=int, default=5,
                    help="timed runs per thread count; the best is kept (default 5)")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="multiply every pattern's iteration count (default 1.0)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds allowed per pattern subprocess (default 300)")
    ap.add_argument("--json", metavar="FILE", help="write every raw figure to FILE")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if any applicable bar FAILs or a pattern errors")
    ap.add_argument("--no-ceiling", dest="ceiling", action="store_false",
                    help="skip the process-ceiling row (N processes of int_arith)")
    ap.add_argument("--list", action="store_true", help="list the patterns and exit")
    a = ap.parse_args(argv)

    if a.list:
        for name, (_, base, what) in PATTERNS.items():
            print("%-30s %9d  %s" % (name, base, what))
        return 0
    try:
        threads = parse_threads([a.threads])
    except ValueError as e:
        ap.error("--threads: %s" % e)
    if a.repeat < 1 or a.scale <= 0:
        ap.error("--repeat must be >= 1 and --scale > 0")
    only = []
    for o in a.only:
        only += [x.strip() for x in o.split(",") if x.strip()]
    bad = [x for x in only if x not in PATTERNS]
    if bad:
        ap.error("unknown pattern(s) %s (see --list)" % ", ".join(bad))
    names = [n for n in PATTERNS if not only or n in only]
    interps = a.interp or [os.path.join(ROOT, "target", "release", "spindle")]
    try:
        cmds = [Cmd(t, base_dir=ROOT) for t in interps]
    except ValueError as e:
        ap.error(str(e))
    cores = usable_cores()

    print("# Thread scaling (weak: each thread does the full work; "
          "speedup = N*t1/tN, best of %d)" % a.repeat)
    print()
    print("- cores: %d; bars: %s" % (cores, "; ".join(
        ">= %.1fx at %d threads (%s)" % (b[0], k, "applies" if cores >= b[1]
                                         else "needs %d cores: n/a here" % b[1])
        for k, b in sorted(BARS.items()))))
    print()
    sys.stdout.flush()

    all_rows, labels, ok = [], [], True
    for text, cmd in zip(interps, cmds):
        rows, info = [], ""
        if a.ceiling:
            print("[ftscaling] %s: process ceiling ..." % text, file=sys.stderr, flush=True)
            ceil = summarize(process_ceiling(cmd, threads, min(a.repeat, 3), a.scale,
                                             a.timeout), threads, cores)
            ceil["verdict"] = "ceiling"
            rows.append(ceil)
        for name in names:
            print("[ftscaling] %s: %s ..." % (text, name), file=sys.stderr, flush=True)
            r = summarize(run_pattern(cmd, name, threads, a.repeat, a.scale, a.timeout),
                          threads, cores)
            info = info or r["info"]
            print("[ftscaling]   %s %s" % (
                " ".join("x%d=%s" % (k, fmt(v, "%.2f")) for k, v in r["speedup"].items()
                         if k > 1), r["error"] or r["verdict"]), file=sys.stderr, flush=True)
            rows.append(r)
            ok = ok and r["verdict"] not in ("FAIL", "ERROR")
        label = "`%s`" % cmd.describe() + ("  (%s)" % info if info else "")
        print_table(label, rows, threads)
        print("cpu-effN = N*cpu1/cpuN from the process CPU time of a round: 1.00 means a "
              "thread burns no more CPU per unit of work than a lone thread, whatever the "
              "machine's load; below 1 the runtime spends CPU on contention (spinning, "
              "cache-line transfers). It stays ~1 when threads sleep on a lock; then only "
              "xN shows it.")
        print()
        if a.ceiling:
            print("The first row is not a pattern: N processes of the interpreter run "
                  "`%s` at once, so its speedup is what the machine allows now "
                  "(other load, cores)." % CEILING_PATTERN)
            print()
        pats = [r for r in rows if r["verdict"] != "ceiling"]
        n_fail = sum(r["verdict"] == "FAIL" for r in pats)
        n_err = sum(r["verdict"] == "ERROR" for r in pats)
        n_pass = sum(r["verdict"] == "PASS" for r in pats)
        print("bars: %d PASS, %d FAIL, %d ERROR, %d n/a" % (
            n_pass, n_fail, n_err, len(pats) - n_pass - n_fail - n_err))
        print()
        sys.stdout.flush()
        all_rows.append(rows)
        labels.append(text)
    print_comparison(all_rows, labels, threads)

    if a.json:
        with open(a.json, "w") as f:
            json.dump({"threads": threads, "cores": cores, "repeat": a.repeat,
                       "scale": a.scale, "bars": {str(k): v for k, v in BARS.items()},
                       "results": [{"interp": t, "rows": rows}
                                   for t, rows in zip(labels, all_rows)]},
                      f, indent=1, default=str)
    return 1 if (a.check and not ok) else 0


def main(argv):
    if len(argv) > 4 and argv[1] == "--worker-process":  # NAME SCALE AT
        return worker_process(argv[2], float(argv[3]), float(argv[4]))
    if len(argv) > 1 and argv[1] == "--worker":
        # --worker NAME --threads 1,2 --repeat R --scale S (fixed order, no argparse:
        # the worker must start fast and run on young interpreters too)
        opts = dict(zip(argv[3::2], argv[4::2]))
        threads = [int(x) for x in opts["--threads"].split(",")]
        return worker(argv[2], threads, int(opts["--repeat"]), float(opts["--scale"]))
    return runner(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
