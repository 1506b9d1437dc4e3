xs = [5, 3, 8, 1, 9, 2]
xs.append(7); xs.extend([0, 4]); xs.insert(2, 6); xs.remove(8)
print(xs, sorted(xs), sorted(xs, reverse=True), xs.index(9), xs.pop(), xs.pop(0))
xs.sort(key=lambda v: (v % 3, v)); print(xs)
xs[1:3] = [100, 200, 300]; del xs[::2]; print(xs, xs * 2, [0] * 3 + xs)
m = [[i * j for j in range(4)] for i in range(4)]
print(m, list(zip(*m)), sum(map(sum, m)), min(xs), max(xs), list(reversed(xs)))
