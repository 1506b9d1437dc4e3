big = 123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890
print(big * big % 10 ** 12, -big // 3 % 10 ** 9, big.bit_length(), str(big)[:10], f"{big:,}"[:20])
s = "x" * 10000 + "y"; print(len(s), s[-2:], s.count("x"), hash(s) == hash("x" * 10000 + "y"))
l = [0] * 100000; l[-1] = 1; print(sum(l), len(l), l.index(1))
t = tuple(range(3000)); print(t[-1], len(set(t)), sum(t))
d = {i: i for i in range(5000)}; print(len(d), d[4999])
print(0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 1e308, 5e-324, 2 ** 1023 * 2.0 if False else 2.0 ** 1023)
