# Pins: graph workloads with dicts, sets, deques and heapq: BFS, DFS (recursive and iterative), Dijkstra, topological sort, union-find and connected components.
from collections import deque
import heapq
edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11), ("g", "h", 1)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
for adj in graph.values():
    adj.sort()
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m, _ in graph[n]:
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order
def dfs(n, seen=None):
    seen = seen if seen is not None else []
    seen.append(n)
    for m, _ in graph[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
def dfs_iter(start):
    seen, stack, order = set(), [start], []
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        order.append(n)
        stack.extend(m for m, _ in reversed(graph[n]))
    return order
print(bfs("a"), dfs("a"), dfs_iter("a"))
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, n = heapq.heappop(pq)
        if d > dist.get(n, float("inf")):
            continue
        for m, w in graph[n]:
            nd = d + w
            if nd < dist.get(m, float("inf")):
                dist[m] = nd
                prev[m] = n
                heapq.heappush(pq, (nd, m))
    return dist, prev
dist, prev = dijkstra("a")
print(sorted(dist.items()))
path, n = [], "f"
while n != "a":
    path.append(n)
    n = prev[n]
print(["a"] + path[::-1])
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "core": [], "tests": ["app"]}
def topo(d):
    indeg = {k: 0 for k in d}
    for k, vs in d.items():
        for v in vs:
            indeg[k] += 1
    ready = sorted(k for k, v in indeg.items() if v == 0)
    out = []
    users = {k: [] for k in d}
    for k, vs in d.items():
        for v in vs:
            users[v].append(k)
    while ready:
        n = ready.pop(0)
        out.append(n)
        for u in sorted(users[n]):
            indeg[u] -= 1
            if indeg[u] == 0:
                ready.append(u)
                ready.sort()
    return out
print(topo(deps))
parent = {}
def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
def union(a, b):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
for u, v, _ in edges:
    union(u, v)
comps = {}
for node in sorted(graph):
    comps.setdefault(find(node), []).append(node)
print(sorted(comps.values()))
mst, total = [], 0
parent.clear()
for u, v, w in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
    if find(u) != find(v):
        union(u, v)
        mst.append((u, v))
        total += w
print(mst, total)
