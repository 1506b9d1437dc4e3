#!/usr/bin/env python3
"""Spindle speed benchmark: spindle against a reference CPython, program by program.

Run with the host's python3 (standard library only), from anywhere:

    python3 bench/run.py                       # full run, 5 pairs per program
    python3 bench/run.py --quick --runs 3      # small sizes, a smoke test
    python3 bench/run.py --only nbody --only fib_threads
    python3 bench/run.py --ref 'PYENV_VERSION=3.13.0 python3'
    python3 bench/run.py --spindle /path/to/spindle --no-startup

For every single-thread program (and the threaded programs at ONE thread) it runs
spindle and the reference alternately (one unmeasured warm-up each, then --runs
measured pairs, the order inside a pair alternating), checks every run's
`checksum=` line against the reference's (and that no `ok=False` appears), takes
the program's own `time_s=` figure and the process wall time, and prints a
Markdown table: medians of both, and the median of the per-pair ratios
spindle/reference.  Then the geometric mean of the ratios and a start-up table
(`-c pass`, `-c "import json, re, ..."`) against CPython 3.13.0.

A program where spindle exits non-zero, prints a wrong checksum, no `time_s=`,
or times out is reported as FAIL; the runner itself keeps going.

Exit status: 0 when every program passed and the bar is met (geometric mean of
the time_s ratios <= 1.5, none above 3.0, start-up medians no slower than
CPython 3.13.0's); 1 otherwise; 2 for bad arguments.
"""
import argparse
import json
import math
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")

# name -> (file, full-size args, quick args).  Full sizes take roughly 0.5-1.5 s
# of time_s on the host's CPython 3.11 (python3); quick sizes a few tens of ms.
CASES = [
    ("nbody", "nbody.py", ["150000"], ["10000"]),
    ("spectral_norm", "spectral_norm.py", ["300"], ["60"]),
    ("fannkuch", "fannkuch.py", ["9"], ["7"]),
    ("binary_trees", "binary_trees.py", ["14"], ["10"]),
    ("raytrace_lite", "raytrace_lite.py", ["200"], ["40"]),
    ("fib_threads", "fib_threads.py", ["1", "33"], ["1", "22"]),
    ("cpu_threads", "cpu_threads.py", ["1", "10000000"], ["1", "300000"]),
    ("primes_threads", "primes_threads.py", ["1", "500000"], ["1", "100000"]),
]

STARTUP_CASES = [
    ("-c pass", ["-c", "pass"]),
    ("-c import json, re, collections, dataclasses, typing, argparse",
     ["-c", "import json, re, collections, dataclasses, typing, argparse"]),
]

BAR_GEOMEAN = 1.5
BAR_MAX = 3.0
BAR_STARTUP = 1.0


# ----------------------------------------------------------------------------
# commands

class Cmd:
    """A command given as a string: leading NAME=VALUE words set environment
    variables, the rest is split as a shell splits words.  A pyenv shim is
    resolved to the real interpreter (the shim itself costs tens of ms)."""

    def __init__(self, text, base_dir=None):
        self.text = text
        words = shlex.split(text)
        env = {}
        while words and "=" in words[0] and not words[0].startswith("=") \
                and words[0].split("=", 1)[0].isidentifier():
            k, v = words.pop(0).split("=", 1)
            env[k] = v
        if not words:
            raise ValueError("empty command: %r" % text)
        self.env_extra = env
        self.env = dict(os.environ)
        self.env.update(env)
        exe = words[0]
        if os.sep in exe:
            if not os.path.isabs(exe) and not os.path.exists(exe) and base_dir:
                cand = os.path.join(base_dir, exe)
                if os.path.exists(cand):
                    exe = cand
            exe = os.path.abspath(exe)
        else:
            # With PYENV_VERSION given, ask pyenv: a plain PATH search could find
            # the runner's own version first (pyenv puts its bin/ on PATH).
            found = pyenv_which(exe, self.env) if "PYENV_VERSION" in env else None
            found = found or shutil.which(exe, path=self.env.get("PATH"))
            if found:
                exe = found
        exe = resolve_pyenv_shim(exe, self.env)
        self.argv = [exe] + words[1:]

    def exists(self):
        return os.path.isfile(self.argv[0]) and os.access(self.argv[0], os.X_OK)

    def describe(self):
        pre = " ".join("%s=%s" % kv for kv in self.env_extra.items())
        return (pre + " " if pre else "") + " ".join(shlex.quote(a) for a in self.argv)


def resolve_pyenv_shim(exe, env):
    if "/.pyenv/shims/" not in exe and "/pyenv/shims/" not in exe:
        return exe
    return pyenv_which(os.path.basename(exe), env) or exe


def pyenv_which(name, env):
    """The real interpreter pyenv runs for `name` under env, or None."""
    pyenv = shutil.which("pyenv", path=env.get("PATH"))
    if not pyenv:
        return None
    try:
        p = subprocess.run([pyenv, "which", name], env=env,
                           capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    real = p.stdout.strip()
    return real if p.returncode == 0 and real and os.path.isfile(real) else None


def run_proc(argv, env, timeout, own_session=True):
    """Run argv with stdin closed, capturing output; on timeout kill the whole
    process group (so grandchildren holding the pipes die too).
    Returns (returncode, stdout, stderr, wall) with returncode None on timeout.
    With own_session=False the child stays in the runner's session (in a
    process group of its own): Linux's autogroup scheduler gives each session
    one fair share of the CPUs, so children that must compete on the same
    terms (bench/ftscaling.py's rows) share the runner's."""
    t0 = time.perf_counter()
    if own_session:
        where = {"start_new_session": True}
    elif sys.version_info >= (3, 11):
        where = {"process_group": 0}
    else:
        where = {"preexec_fn": os.setpgrp}
    p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, **where)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return None, out, err, time.perf_counter() - t0
    return p.returncode, out, err, time.perf_counter() - t0


def describe_exit(rc):
    return ("signal %d" % -rc) if rc < 0 else ("exit %d" % rc)


class RunResult:
    __slots__ = ("ok", "error", "checksum", "time_s", "wall", "stdout", "stderr", "rc")

    def __init__(self):
        self.ok = False
        self.error = ""
        self.checksum = None
        self.time_s = None
        self.wall = None
        self.stdout = ""
        self.stderr = ""
        self.rc = None


def run_once(cmd, args, timeout):
    r = RunResult()
    try:
        rc, out, err, r.wall = run_proc(cmd.argv + args, cmd.env, timeout)
    except OSError as e:
        r.error = "cannot start: %s" % e
        return r
    if rc is None:
        r.error = "timeout after %gs" % timeout
        return r
    r.rc = rc
    r.stdout = out.decode("utf-8", "replace")
    r.stderr = err.decode("utf-8", "replace")
    if rc != 0:
        tail = r.stderr.strip().splitlines()[-1:] or [""]
        r.error = "%s: %s" % (describe_exit(rc), tail[0][:160])
        return r
    for line in r.stdout.splitlines():
        if line.startswith("checksum="):
            r.checksum = line.strip()
        elif line.startswith("time_s="):
            try:
                r.time_s = float(line.split("=", 1)[1])
            except ValueError:
                pass
    if r.checksum is None:
        r.error = "no checksum= line"
    elif "ok=False" in r.checksum:
        r.error = "self-check failed: %s" % r.checksum
    elif r.time_s is None:
        r.error = "no time_s= line"
    else:
        r.ok = True
    return r


def median(xs):
    return statistics.median(xs) if xs else None


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt(x, spec="%.3f"):
    return "—" if x is None else spec % x


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------
# program benchmarks

def bench_program(name, path, args, spindle, ref, runs, timeout):
    """Returns a dict row."""
    row = {"name": name, "args": " ".join(args), "status": "ok", "note": "",
           "ref_time": [], "sp_time": [], "ref_wall": [], "sp_wall": [],
           "ratio": [], "wall_ratio": []}
    full = [path] + args
    # Reference warm-up: it defines the expected checksum.
    ref_w = run_once(ref, full, timeout)
    if not ref_w.ok:
        row["status"] = "REF-FAIL"
        row["note"] = "reference: " + ref_w.error
        return row
    expected = ref_w.checksum
    row["expected"] = expected

    def check(r, who):
        if not r.ok:
            return "%s: %s" % (who, r.error)
        if r.checksum != expected:
            return "%s: wrong checksum %r (expected %r)" % (who, r.checksum, expected)
        return None

    sp_w = run_once(spindle, full, timeout)
    err = check(sp_w, "spindle")
    if err:
        row["status"] = "FAIL"
        row["note"] = err
        row["ref_time"].append(ref_w.time_s)
        row["ref_wall"].append(ref_w.wall)
        return row

    for i in range(runs):
        order = [("sp", spindle), ("ref", ref)] if i % 2 == 0 else [("ref", ref), ("sp", spindle)]
        got = {}
        for who, cmd in order:
            r = run_once(cmd, full, timeout)
            e = check(r, "spindle" if who == "sp" else "reference")
            if e:
                row["status"] = "FAIL" if who == "sp" else "REF-FAIL"
                row["note"] = "run %d: %s" % (i + 1, e)
                return row
            got[who] = r
        row["sp_time"].append(got["sp"].time_s)
        row["ref_time"].append(got["ref"].time_s)
        row["sp_wall"].append(got["sp"].wall)
        row["ref_wall"].append(got["ref"].wall)
        if got["ref"].time_s > 0:
            row["ratio"].append(got["sp"].time_s / got["ref"].time_s)
        row["wall_ratio"].append(got["sp"].wall / got["ref"].wall)
    return row


# ----------------------------------------------------------------------------
# start-up

def bench_startup(label, args, spindle, ref, runs, timeout):
    row = {"name": label, "status": "ok", "note": "", "sp": [], "ref": [], "ratio": []}

    def one(cmd, who):
        try:
            rc, _out, err, w = run_proc(cmd.argv + args, cmd.env, timeout)
        except OSError as e:
            return None, "%s: cannot start: %s" % (who, e)
        if rc is None:
            return None, "%s: timeout after %gs" % (who, timeout)
        if rc != 0:
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return None, "%s: %s: %s" % (who, describe_exit(rc), tail[0][:160])
        return w, None

    for who, cmd in (("reference", ref), ("spindle", spindle)):  # warm-up
        _, e = one(cmd, who)
        if e:
            row["status"] = "FAIL" if who == "spindle" else "REF-FAIL"
            row["note"] = e
            return row
    for i in range(runs):
        order = [("spindle", spindle), ("reference", ref)]
        if i % 2:
            order.reverse()
        got = {}
        for who, cmd in order:
            w, e = one(cmd, who)
            if e:
                row["status"] = "FAIL" if who == "spindle" else "REF-FAIL"
                row["note"] = "run %d: %s" % (i + 1, e)
                return row
            got[who] = w
        row["sp"].append(got["spindle"])
        row["ref"].append(got["reference"])
        row["ratio"].append(got["spindle"] / got["reference"])
    return row


# ----------------------------------------------------------------------------

def default_startup_ref():
    env = dict(os.environ, PYENV_VERSION="3.13.0")
    pyenv = shutil.which("pyenv")
    if pyenv:
        try:
            p = subprocess.run([pyenv, "which", "python3"], env=env,
                               capture_output=True, text=True, timeout=30)
            if p.returncode == 0 and p.stdout.strip():
                return shlex.quote(p.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    return "PYENV_VERSION=3.13.0 python3"


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Benchmark spindle against a reference CPython (see bench/README.md).")
    ap.add_argument("--spindle", default=os.path.join(ROOT, "target", "release", "spindle"),
                    help="spindle binary or command string (default: target/release/spindle "
                         "under the repo root)")
    ap.add_argument("--ref", default="python3",
                    help="reference interpreter: path or command string, leading NAME=VALUE "
                         "words set the environment, e.g. 'PYENV_VERSION=3.13.0 python3' "
                         "(default: python3)")
    ap.add_argument("--startup-ref", default=None,
                    help="reference for the start-up benchmark (default: CPython 3.13.0 "
                         "from `PYENV_VERSION=3.13.0 pyenv which python3`)")
    ap.add_argument("--runs", type=int, default=5, help="measured pairs per program (default 5)")
    ap.add_argument("--startup-runs", type=int, default=20,
                    help="measured pairs per start-up case (default 20)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only this program (repeatable, or comma-separated); "
                         "'startup' selects the start-up benchmark")
    ap.add_argument("--quick", action="store_true", help="small sizes (a smoke test; "
                    "the ratios are then dominated by noise and not held to the bar)")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up benchmark")
    ap.add_argument("--startup-only", action="store_true", help="only the start-up benchmark")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds allowed per single run (default 120)")
    ap.add_argument("--json", metavar="FILE", help="also write every raw figure to FILE")
    a = ap.parse_args(argv)
    if a.runs < 1 or a.startup_runs < 1:
        ap.error("--runs and --startup-runs must be >= 1")

    only = set()
    for o in a.only:
        only.update(x.strip() for x in o.split(",") if x.strip())
    known = {c[0] for c in CASES} | {"startup"}
    bad = only - known
    if bad:
        ap.error("unknown program(s) %s; known: %s" % (", ".join(sorted(bad)),
                                                       ", ".join(sorted(known))))
    try:
        spindle = Cmd(a.spindle, base_dir=ROOT)
        ref = Cmd(a.ref, base_dir=ROOT)
        sref = Cmd(a.startup_ref or default_startup_ref(), base_dir=ROOT)
    except ValueError as e:
        ap.error(str(e))

    cases = [c for c in CASES if not only or c[0] in only]
    if a.startup_only:
        cases = []
    do_startup = not a.no_startup and (not only or "startup" in only or a.startup_only)

    print("# Spindle benchmark")
    print()
    print("- spindle: `%s`%s" % (spindle.describe(), "" if spindle.exists() else "  (NOT FOUND)"))
    print("- reference: `%s`" % ref.describe())
    if do_startup:
        print("- start-up reference: `%s`" % sref.describe())
    print("- %d measured pairs per program (+1 warm-up each), sizes: %s, cores: %s"
          % (a.runs, "quick" if a.quick else "full", os.cpu_count()))
    print()
    sys.stdout.flush()

    rows = []
    for name, f, full_args, quick_args in cases:
        args = quick_args if a.quick else full_args
        log("[bench] %s %s ..." % (name, " ".join(args)))
        row = bench_program(name, os.path.join(PROGRAMS, f), args, spindle, ref,
                            a.runs, a.timeout)
        if row["status"] == "ok":
            log("[bench]   spindle %.3fs  ref %.3fs  ratio %.2f"
                % (median(row["sp_time"]), median(row["ref_time"]), median(row["ratio"])))
        else:
            log("[bench]   %s: %s" % (row["status"], row["note"]))
        rows.append(row)

    passed = True
    notes = []
    if rows:
        print("| program | args | CPython time_s | spindle time_s | ratio (time_s) "
              "| CPython wall | spindle wall | ratio (wall) | status |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---|")
        ratios = []
        for r in rows:
            mr = median(r["ratio"])
            if r["status"] == "ok" and mr is not None:
                ratios.append(mr)
                status = "ok" if mr <= BAR_MAX else "SLOW (> %.1fx)" % BAR_MAX
            else:
                status = r["status"]
                passed = False
                notes.append("%s: %s" % (r["name"], r["note"]))
            print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                r["name"], r["args"], fmt(median(r["ref_time"])), fmt(median(r["sp_time"])),
                fmt(mr, "%.2f"), fmt(median(r["ref_wall"])), fmt(median(r["sp_wall"])),
                fmt(median(r["wall_ratio"]), "%.2f"), status))
        gm = geomean(ratios)
        worst = max(ratios) if ratios else None
        print()
        print("Geometric mean of spindle/CPython time_s ratios: **%s** over %d of %d programs "
              "(bar: <= %.1f); worst: %s (bar: <= %.1f)"
              % (fmt(gm, "%.3f"), len(ratios), len(rows), BAR_GEOMEAN,
                 fmt(worst, "%.2f"), BAR_MAX))
        if gm is None or gm > BAR_GEOMEAN or worst > BAR_MAX:
            passed = False
        for n in notes:
            print("- FAIL %s" % n)
        print()
        sys.stdout.flush()

    srows = []
    if do_startup:
        for label, args in STARTUP_CASES:
            log("[bench] start-up %s ..." % label)
            srows.append(bench_startup(label, args, spindle, sref, a.startup_runs, a.timeout))
        print("Start-up (%d pairs, wall seconds, medians) against `%s`:"
              % (a.startup_runs, sref.describe()))
        print()
        print("| command | CPython 3.13.0 | spindle | ratio | status |")
        print("|---|---:|---:|---:|---|")
        for r in srows:
            mr = median(r["ratio"])
            if r["status"] == "ok":
                status = "ok" if mr <= BAR_STARTUP else "SLOWER"
                if mr > BAR_STARTUP:
                    passed = False
            else:
                status = r["status"] + ": " + r["note"].replace("|", "\\|")
                passed = False
            print("| `%s` | %s | %s | %s | %s |" % (
                r["name"], fmt(median(r["ref"]), "%.4f"), fmt(median(r["sp"]), "%.4f"),
                fmt(mr, "%.2f"), status))
        print()

    if a.quick:
        print("Verdict: %s (quick sizes: not a measurement against the bar)"
              % ("all runs correct" if not notes and all(r["status"] == "ok" for r in srows)
                 else "FAILURES"))
    else:
        print("Verdict: %s" % ("PASS" if passed else "FAIL"))

    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"spindle": spindle.describe(), "ref": ref.describe(),
                       "startup_ref": sref.describe(), "quick": a.quick,
                       "programs": rows, "startup": srows}, fh, indent=1)
    if a.quick:
        return 0 if not notes and all(r["status"] == "ok" for r in srows) else 1
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
