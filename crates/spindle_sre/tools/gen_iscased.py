"""Regenerate tests/data/iscased.txt: python3.14 crates/spindle_sre/tools/gen_iscased.py > crates/spindle_sre/tests/data/iscased.txt"""
import _sre
N = 0x110000
out = []
start = None
for c in range(N):
    if _sre.unicode_iscased(c):
        if start is None: start = c
    elif start is not None:
        out.append((start, c - 1)); start = None
print("# Ranges of code points for which CPython 3.14's _sre.unicode_iscased is true.")
print("# Regenerate: python3.14 -c ... (tools/gen_iscased.py); one 'lo hi' per line, hex.")
for a, b in out:
    print(f"{a:x} {b:x}")
