a = [1]
b = a
a += [2]; print(a is b, b)
t = (1,); u = t; t += (2,); print(t is u, u)
x = y = z = [0]; x.append(1); print(y, z)
i = 10; i -= 3; i *= 4; i //= 3; i **= 2; i %= 50; i <<= 3; i >>= 1; i |= 1; i &= 0xff; i ^= 5; print(i)
s = "ab"; s *= 3; print(s)
(p, q), r = (1, 2), 3; [m, [n, o]] = [4, (5, 6)]; print(p, q, r, m, n, o)
first, *middle, last = range(6); print(first, middle, last)
d = {}; d["a"] = d; print(d)
l = [1, 2]; l.append(l); print(l)
