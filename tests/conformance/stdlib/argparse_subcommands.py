# Pins: argparse: subparsers with set_defaults(func), nargs variants (?, *, +, N, REMAINDER), choices, type conversion, action store_true/count/append/extend/store_const, mutually exclusive groups, defaults, parse_known_args, dest naming.
import argparse
p = argparse.ArgumentParser(prog="tool", description="demo")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--tag", action="append", default=[])
p.add_argument("--ext", action="extend", nargs="+", type=str)
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--no-color", dest="color", action="store_false")
g = p.add_mutually_exclusive_group()
g.add_argument("--json", action="store_true")
g.add_argument("--xml", action="store_true")
sub = p.add_subparsers(dest="cmd", required=True)
a = sub.add_parser("add", help="add things")
a.add_argument("items", nargs="+", type=int)
a.add_argument("--scale", type=float, default=1.0)
a.set_defaults(func=lambda ns: sum(ns.items) * ns.scale)
r = sub.add_parser("run", aliases=["r"])
r.add_argument("script")
r.add_argument("rest", nargs=argparse.REMAINDER)
r.set_defaults(func=lambda ns: f"run {ns.script} {ns.rest}")
c = sub.add_parser("copy")
c.add_argument("src"); c.add_argument("dst", nargs="?", default="."); c.add_argument("pair", nargs=2, metavar=("A", "B"))
c.set_defaults(func=lambda ns: (ns.src, ns.dst, ns.pair))
for argv in [["add", "1", "2", "3"], ["-vv", "--tag", "x", "--tag", "y", "add", "5", "--scale", "2"], ["--ext", "a", "b", "--ext", "c", "--mode", "slow", "r", "script.py", "--flag", "arg"], ["--const", "--no-color", "--json", "copy", "s", "d", "p1", "p2"], ["--mode", "slow", "run", "x"]]:
    ns = p.parse_args(argv)
    d = {k: v for k, v in sorted(vars(ns).items()) if k != "func"}
    print(argv, "->", d, "=>", ns.func(ns))
ns, extra = p.parse_known_args(["--unknown", "add", "4", "--other"])
print(ns.items, extra)
def unquote_choices(line):
    # CPython 3.14 releases differ on whether the choices are quoted.
    import re
    return re.sub(r"\(choose from [^)]*\)", lambda m: m.group(0).replace("'", ""), line)
def attempt(argv):
    import io, contextlib
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            p.parse_args(argv)
    except SystemExit as e:
        print(argv, "exit", e.code, "|", unquote_choices(err.getvalue().strip().splitlines()[-1]))
attempt([])
attempt(["--mode", "medium", "add", "1"])
attempt(["--json", "--xml", "add", "1"])
attempt(["add", "notint"])
attempt(["add"])
attempt(["nope"])
attempt(["copy", "only"])
q = argparse.ArgumentParser(prog="q", exit_on_error=False)
q.add_argument("--n", type=int)
try:
    q.parse_args(["--n", "x"])
except argparse.ArgumentError as e:
    print("ArgumentError", e)
h = argparse.ArgumentParser(prog="h")
h.add_argument("--some-long-name", dest=None, default="d", help="value (default: %(default)s)")
h.add_argument("pos", metavar="POS")
print(vars(h.parse_args(["P"])), h.format_usage().strip())
print(argparse.Namespace(a=1) == argparse.Namespace(a=1), repr(argparse.Namespace(b=2, a=1)), "a" in argparse.Namespace(a=1))
