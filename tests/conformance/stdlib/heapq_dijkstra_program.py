# Pins: shortest-path program using heapq: Dijkstra with path reconstruction and deterministic tie-breaking, unreachable nodes, A* on a grid with Manhattan heuristic, k-smallest pairs via heap merging, running median with two heaps.
import heapq, itertools
graph = {
    "A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11},
    "E": {"D": 4}, "F": {}, "G": {"A": 1},
}
def dijkstra(g, src):
    dist, prev = {src: 0}, {}
    pq = [(0, src)]
    visited = set()
    while pq:
        d, u = heapq.heappop(pq)
        if u in visited:
            continue
        visited.add(u)
        for v, w in sorted(g[u].items()):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v], prev[v] = nd, u
                heapq.heappush(pq, (nd, v))
    return dist, prev
def path(prev, target):
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
dist, prev = dijkstra(graph, "A")
for node in sorted(graph):
    print(node, dist.get(node, "unreachable"), "->".join(path(prev, node)) if node in dist else "-")
grid = ["S..#....", ".#.#.##.", ".#...#..", ".####.#.", "......#G"]
def astar(grid):
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
    goal = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "G")
    h = lambda p: abs(p[0] - goal[0]) + abs(p[1] - goal[1])
    tie = itertools.count()
    open_ = [(h(start), next(tie), 0, start, None)]
    came, cost, expanded = {}, {start: 0}, 0
    while open_:
        _, _, g, cur, parent = heapq.heappop(open_)
        if cur in came:
            continue
        came[cur] = parent
        expanded += 1
        if cur == goal:
            break
        r, c = cur
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and g + 1 < cost.get((nr, nc), 10**9):
                cost[(nr, nc)] = g + 1
                heapq.heappush(open_, (g + 1 + h((nr, nc)), next(tie), g + 1, (nr, nc), cur))
    p, node = [], goal
    while node:
        p.append(node); node = came[node]
    return cost[goal], p[::-1], expanded
length, p, expanded = astar(grid)
print(length, len(p), p[:4], p[-3:])
canvas = [list(row) for row in grid]
for r, c in p[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
def k_smallest_pairs(a, b, k):
    heap = [(a[0] + b[j], 0, j) for j in range(min(k, len(b)))]
    heapq.heapify(heap)
    out = []
    while heap and len(out) < k:
        s, i, j = heapq.heappop(heap)
        out.append((a[i], b[j]))
        if i + 1 < len(a):
            heapq.heappush(heap, (a[i + 1] + b[j], i + 1, j))
    return out
print(k_smallest_pairs([1, 7, 11], [2, 4, 6], 5))
lo, hi, medians = [], [], []
for x in [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]:
    if not lo or x <= -lo[0]:
        heapq.heappush(lo, -x)
    else:
        heapq.heappush(hi, x)
    if len(lo) > len(hi) + 1:
        heapq.heappush(hi, -heapq.heappop(lo))
    elif len(hi) > len(lo):
        heapq.heappush(lo, -heapq.heappop(hi))
    medians.append(-lo[0] if len(lo) > len(hi) else (-lo[0] + hi[0]) / 2)
print(medians)
