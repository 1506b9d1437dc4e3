# Pins: heapq (push/pop/heapify/replace/pushpop/merge/nlargest/nsmallest, max-heap functions) and bisect (left/right/insort with keys).
import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h[0], heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), sorted(h))
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)), list(heapq.merge([3, 1], [4, 2], reverse=True)))
nums = [5, 1, 9, 3, 7, 3]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.nlargest(2, ["aa", "b", "ccc"], key=len), heapq.nsmallest(10, [2, 1]))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (2, "test"))
print([heapq.heappop(tasks) for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
mx = [3, 1, 4, 1, 5]
heapq.heapify_max(mx)
print(mx[0], heapq.heappop_max(mx), mx[0])
heapq.heappush_max(mx, 10)
print(mx[0])
a = [1, 2, 4, 4, 4, 7]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 100), bisect.bisect_left(a, 4, 3), bisect.bisect_left(a, 4, 0, 2))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, lo=-1)
except ValueError as e:
    print("ValueError:", e)
