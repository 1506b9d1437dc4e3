# Pins: closures in loops/comprehensions/classes, cell sharing between sibling closures, closures over loop variables of generator expressions, and rebinding visibility.
def make_pair():
    shared = []
    def add(x):
        shared.append(x)
        return len(shared)
    def get():
        return list(shared)
    return add, get
add, get = make_pair()
add(1); add(2)
print(get())
def counter_factory():
    counters = {}
    for name in ("a", "b"):
        count = 0
        def bump(name=name):
            nonlocal count
            count += 1
            return name, count
        counters[name] = bump
    return counters
c = counter_factory()
print(c["a"](), c["b"](), c["a"]())
def gen_closures():
    return [lambda: i for i in range(3)], [(lambda j=i: j) for i in range(3)]
late, early = gen_closures()
print([f() for f in late], [f() for f in early])
def outer():
    x = "before"
    def show():
        return x
    x = "after"
    return show
print(outer()())
def in_class():
    value = 42
    class K:
        def method(self):
            return value
        attr = value
    return K().method(), K.attr
print(in_class())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1()()()
print(deep())
def make_acc(total=0):
    def acc(n):
        nonlocal total
        total += n
        return total
    return acc
acc = make_acc(100)
print([acc(i) for i in range(4)], acc.__closure__[0].cell_contents)
def cells():
    x = 1
    f = lambda: x
    g = lambda: x
    return f.__closure__[0] is g.__closure__[0]
print(cells())
def generator_closure():
    n = 10
    gen = (n + i for i in range(3))
    n = 100
    return list(gen)
print(generator_closure())
def recursive_closure():
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact
print(recursive_closure()(10))
import types
cell = types.CellType(5)
print(cell.cell_contents)
cell.cell_contents = 6
print(cell.cell_contents)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError:", e)
