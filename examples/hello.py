"""A tiny tour: classes, generators, closures and the standard library."""


class Greeter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Greeter({self.name!r})"

    def greet(self, times=1):
        for i in range(times):
            yield f"hello, {self.name} #{i + 1}"


def counter():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n

    return bump


g = Greeter("spindle")
print(g)
for line in g.greet(2):
    print(line)
c = counter()
print([c() for _ in range(3)])
print(sum(x * x for x in range(10)), 2**100)
