def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter(); c(); c(5); print(c(), c.__closure__[0].cell_contents)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
G = 0
def bump():
    global G
    G += 1
bump(); bump(); print(G)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
