# Pins: seeded random simulation program: dice roll histograms, Monte Carlo pi estimate, random walk, weighted sampling without replacement, shuffled deck dealing, reservoir sampling; all exact for a fixed seed across Random instances.
import random, collections, math
rng = random.Random(20240301)
rolls = [rng.randint(1, 6) + rng.randint(1, 6) for _ in range(2000)]
hist = collections.Counter(rolls)
for total in range(2, 13):
    print(f"{total:2d} {hist[total]:4d} {'#' * (hist[total] // 10)}")
inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 <= 1)
print("pi ~", 4 * inside / 20000, abs(4 * inside / 20000 - math.pi) < 0.05)
pos, path = 0, []
for _ in range(30):
    pos += rng.choice((-1, 1))
    path.append(pos)
print(path, min(path), max(path))
suits, ranks = "SHDC", "A23456789TJQK"
deck = [r + s for s in suits for r in ranks]
rng.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
print(hands)
def weighted_sample(items, weights, k, r):
    items, weights = list(items), list(weights)
    out = []
    for _ in range(k):
        i = r.choices(range(len(items)), weights=weights)[0]
        out.append(items.pop(i)); weights.pop(i)
    return out
print(weighted_sample("abcdef", [50, 1, 1, 1, 1, 20], 3, rng))
def reservoir(stream, k, r):
    res = []
    for i, x in enumerate(stream):
        if i < k:
            res.append(x)
        else:
            j = r.randrange(i + 1)
            if j < k:
                res[j] = x
    return res
print(reservoir(range(1000), 5, rng))
a, b = random.Random(7), random.Random(7)
print([a.gauss(0, 1) for _ in range(3)] == [b.gauss(0, 1) for _ in range(3)], a.sample(range(50), 4), b.sample(range(50), 4))
print(round(sum(rng.expovariate(2.0) for _ in range(1000)) / 1000, 6), rng.getrandbits(32), rng.randbytes(4).hex())
