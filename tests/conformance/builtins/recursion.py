# Pins: deep recursion: RecursionError at sys.getrecursionlimit(), its message, recovery afterwards, and setrecursionlimit.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
reached = count(0)
print(900 < reached < 1000)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(900))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), fine(2500))
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
l = []
l.append(l)
print(l, str([l, l]))
d = {}
d["d"] = d
print(d)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RecursionError as e:
    print("mutual:", type(e).__name__)
print(fine(100), "recovered")
