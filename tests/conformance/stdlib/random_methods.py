# Pins: random with fixed seeds: randint/randrange/choice/choices(weights, k)/sample/shuffle/getrandbits/uniform/randbytes sequences, Random instances, state save/restore, errors.
import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(8)])
print([random.randrange(0, 50, 5) for _ in range(6)], random.randrange(10))
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)))
print(random.choices(["x", "y", "z"], k=8))
print(random.choices(["x", "y", "z"], weights=[10, 1, 0], k=8))
print(random.choices(range(5), cum_weights=[1, 1, 1, 1, 100], k=5))
print(random.sample(range(100), 7), random.sample("hello world", 4), random.sample([1, 2, 3], counts=[3, 2, 1], k=6))
L = list(range(12))
random.shuffle(L)
print(L)
print(random.getrandbits(1), random.getrandbits(16), random.getrandbits(70), random.getrandbits(0))
print(round(random.random(), 12), round(random.uniform(5, 10), 12), random.randbytes(6))
r1 = random.Random(42); r2 = random.Random(42)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)])
st = r1.getstate()
a = [r1.randint(0, 9) for _ in range(10)]
r1.setstate(st)
b = [r1.randint(0, 9) for _ in range(10)]
print(a, a == b)
r = random.Random("a string seed")
print(r.randint(0, 10**6), random.Random(b"bytes").randint(0, 10**6), random.Random(7.0).randint(0, 999), random.Random(-7).random() == random.Random(7).random())
r = random.Random(0)
print(r.binomialvariate(10, 0.5), r.binomialvariate(100, 0.0), r.binomialvariate(5, 1.0))
for fn, args in [(random.randint, (5, 1)), (random.randrange, (0,)), (random.randrange, (1, 1)), (random.choice, ([],)), (random.sample, ([1, 2], 3)), (random.randrange, (1.5,)), (random.choices, ([1], [1, 2])), (random.getrandbits, (-1,))]:
    try:
        fn(*args)
    except (ValueError, IndexError, TypeError) as e:
        print(fn.__name__, type(e).__name__, e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError", e)
class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom()
print(m.random(), m.choice("abc"), m.uniform(0, 10))
random.seed(2024, version=2)
print(random.randint(0, 10**9), round(random.triangular(0, 10, 3), 10), round(random.betavariate(2, 3), 10))
print(round(random.expovariate(1.5), 10), round(random.gauss(0, 1), 10), round(random.normalvariate(10, 2), 10), round(random.lognormvariate(0, 0.5), 10))
print(round(random.vonmisesvariate(0, 1), 10), round(random.gammavariate(2, 3), 10), round(random.paretovariate(3), 10), round(random.weibullvariate(1, 2), 10))
