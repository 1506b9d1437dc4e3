x = [
    1,
    2,   # comment
]; y = (3
     + 4)
z = 1 if \
    x else 2
if x: pass
while False: pass
for _ in (): pass
else: print("for-else")
class K: "docstring"; a = 1
def f(): ...
print(x, y, z, K.__doc__, K.a, f(), ..., Ellipsis is ...)
print(0b1010, 0o17, 0xdead_beef, 1_000_000, 1_0.0_1, 1e-3j, 0_0, .5, 5., 1.e2)
print('''a
b''', "imp" "licit" 'concat', r"\raw\n", b"by" b"tes", "\x41\u0042\U00000043\N{LATIN SMALL LETTER D}\101")
lambda: (yield)
print(__name__, __debug__, (1,)[0], [1][-1], {1}.pop(), not(1), -(-(-1)), +(+1), ~~5)
