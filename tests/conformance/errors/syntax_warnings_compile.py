# Pins: compile-time SyntaxWarnings: "is" with a literal, literal callee/subscript "perhaps you missed a comma?", return/break/continue in finally (reported first, once per statement), also from compile().
def f(x):
    try:
        pass
    finally:
        print(x is 1)
        for i in []:
            break
        return 5


for j in range(2):
    try:
        pass
    finally:
        continue
x = 1
print(1 is 1, "a" is not x, x is (), x is (1, 2), x is (-1,), x is None, x is ...)
print(x is b"a", x is 1j, x is -1)
if 0:
    (1)(2)
    [1][1.0]
    "ab"["x"]
    {1}[0]
    f"{x}"(0)
    [1][()]
    [1][-1.0]
    [1]["a" "b"]
    [1][f"x"]
    x[1.0]
    (1, 2)[1.5]
    [x][1:2]
    None[0]
    (lambda: 0)[0]
    [i for i in x](0)
compile("x is 'lit'\n", "<compiled>", "exec")
print("done")
