# Pins: command-line arguments reach sys.argv unchanged (the `# args:` header), and argparse parses them.
# args: input.txt --count 3 -v extra
import sys, argparse
print(sys.argv[1:], len(sys.argv), sys.argv[0])
p = argparse.ArgumentParser(prog="prog")
p.add_argument("path")
p.add_argument("--count", type=int)
p.add_argument("-v", action="store_true")
p.add_argument("rest", nargs="*")
print(p.parse_args())
print(sys.orig_argv[-5:])
