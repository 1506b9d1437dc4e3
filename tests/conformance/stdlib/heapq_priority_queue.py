# Pins: heapq as a priority queue: heappush/heappop ordering with tuples and ties, heapify invariant, heapreplace vs heappushpop, nlargest/nsmallest with key, merge(key, reverse), max-heap functions.
import heapq
h = []
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A"), (5, "e")]:
    heapq.heappush(h, item)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, all(data[i] <= data[c] for i in range(len(data)) for c in (2 * i + 1, 2 * i + 2) if c < len(data)))
print(heapq.heapreplace(data, 10), data[0], heapq.heappushpop(data, -1), data[0], heapq.heappushpop(data, 100), data[0])
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3, 9, 2]), heapq.nlargest(0, [1]), heapq.nsmallest(10, [3, 1]))
people = [("bob", 25), ("amy", 31), ("cat", 19), ("dan", 31)]
print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(1, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])), list(heapq.merge("ace", "bdf")))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
try:
    heapq.heappush([1], "a")
except TypeError as e:
    print("TypeError", e)
class Task:
    def __init__(self, pri, name): self.pri, self.name = pri, name
    def __lt__(self, other): return self.pri < other.pri
    def __repr__(self): return f"Task({self.pri},{self.name})"
th = []
for t in [Task(3, "x"), Task(1, "y"), Task(2, "z")]:
    heapq.heappush(th, t)
print([heapq.heappop(th) for _ in range(3)])
import itertools
counter = itertools.count()
pq = []
def add(task, pri):
    heapq.heappush(pq, (pri, next(counter), task))
for name, pri in [("write", 2), ("read", 1), ("test", 2), ("ship", 3), ("plan", 1)]:
    add(name, pri)
print([heapq.heappop(pq)[2] for _ in range(len(pq))])
def heapsort(it):
    h = list(it); heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([5, 2, 9, 1, 5, 6]), heapsort("heapsort"))
mx = [3, 1, 4, 1, 5, 9, 2, 6]
if hasattr(heapq, "heapify_max"):
    heapq.heapify_max(mx)
    print(mx[0], heapq.heappop_max(mx), heapq.heappop_max(mx), mx[0])
    heapq.heappush_max(mx, 100); print(mx[0], heapq.heapreplace_max(mx, 0), heapq.heappushpop_max(mx, 50))
else:
    print("no max-heap API")
k_closest = heapq.nsmallest(3, [(x, y) for x in range(-3, 4) for y in range(-3, 4)], key=lambda p: (p[0] ** 2 + p[1] ** 2, p))
print(k_closest)
print(heapq.nlargest(3, {"a": 5, "b": 9, "c": 1}.items(), key=lambda kv: kv[1]))
