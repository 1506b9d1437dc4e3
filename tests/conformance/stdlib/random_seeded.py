# Pins: random with fixed seeds: random(), randint, choice, choices with weights, shuffle, sample, uniform, gauss, getrandbits, state round trip, and argument errors.
import random
random.seed(12345)
print(random.random(), random.random())
print([random.randint(1, 100) for _ in range(10)])
print(random.randrange(0, 100, 7), random.randrange(10), random.choice("abcdefg"), random.choice([10, 20, 30]))
print(random.choices(range(5), k=6), random.choices("xyz", weights=[10, 1, 1], k=5), random.choices("ab", cum_weights=[1, 2], k=4))
l = list(range(10))
random.shuffle(l)
print(l, random.sample(range(100), 5), random.sample("abcdef", k=3), random.sample(range(10), counts=None, k=2) if False else "skip")
print(random.uniform(1, 2), random.triangular(0, 10, 3), round(random.gauss(0, 1), 12), round(random.normalvariate(5, 2), 12))
print(round(random.expovariate(1.5), 12), round(random.betavariate(2, 3), 12), round(random.gammavariate(2, 1), 12), round(random.lognormvariate(0, 1), 12))
print(round(random.vonmisesvariate(1, 2), 12), round(random.paretovariate(3), 12), round(random.weibullvariate(1, 2), 12), random.binomialvariate(10, 0.3))
print(random.getrandbits(64), random.getrandbits(1), random.randbytes(6))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
r1, r2 = random.Random(42), random.Random(42)
print(r1.random() == r2.random(), r1.randint(0, 10 ** 30), random.Random("string seed").random(), random.Random(b"bytes").random())
random.seed(0)
print(random.random(), random.Random(0).random())
for call in [lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.sample(range(3), 5), lambda: random.randrange(0),
             lambda: random.choices("ab", weights=[1], k=1), lambda: random.getrandbits(-1), lambda: random.randrange(1.5)]:
    try:
        call()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class MyRandom(random.Random):
    pass
print(MyRandom(7).random() == random.Random(7).random())
random.seed(2024, version=2)
print(random.random(), random.randint(0, 2 ** 100))
