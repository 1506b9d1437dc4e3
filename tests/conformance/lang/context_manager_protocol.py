# Pins: with-statement protocol details: __enter__ return value binding, __exit__ receiving (type, value, tb), truthy __exit__ suppressing, exceptions in __enter__ skip __exit__, multiple managers exit in reverse, parenthesised multi-item with, exception in __exit__ replacing original, lookups on the type not instance.
log = []
class CM:
    def __init__(self, name, suppress=False, fail_enter=False, fail_exit=False):
        self.name, self.suppress, self.fail_enter, self.fail_exit = name, suppress, fail_enter, fail_exit
    def __enter__(self):
        log.append(f"enter {self.name}")
        if self.fail_enter:
            raise RuntimeError(f"enter failed {self.name}")
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None} {ev!s} tb={tb is not None}")
        if self.fail_exit:
            raise KeyError(f"exit failed {self.name}")
        return self.suppress
def show(label):
    print(label, log); log.clear()
with CM("a") as v:
    log.append(f"body got {v}")
show("simple:")
with CM("outer"), CM("inner") as i:
    log.append(f"body {i}")
show("nested:")
with (
    CM("p1") as one,
    CM("p2") as two,
):
    log.append(f"paren {one}{two}")
show("parenthesised:")
with CM("sup", suppress=True):
    raise ValueError("hidden")
show("suppressed:")
try:
    with CM("nosup"):
        raise ValueError("visible")
except ValueError as e:
    log.append(f"caught {e}")
show("propagated:")
try:
    with CM("ok"), CM("bad", fail_enter=True), CM("never"):
        log.append("body never runs")
except RuntimeError as e:
    log.append(f"caught {e}")
show("enter failure:")
try:
    with CM("replacer", fail_exit=True):
        raise ValueError("original")
except KeyError as e:
    log.append(f"caught {e!r} context={e.__context__!r}")
show("exit raises:")
with CM("outer-sup", suppress=True), CM("inner-nosup"):
    raise TypeError("inner error")
show("outer suppresses inner's error:")
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "non-empty string is truthy"
with Truthy():
    raise ZeroDivisionError
print("suppressed by truthy string")
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)
class InstanceOnly:
    pass
io = InstanceOnly()
io.__enter__ = lambda: None
io.__exit__ = lambda *a: None
try:
    with io:
        pass
except TypeError as e:
    print("TypeError", e)
def gen_in_with():
    with CM("gen"):
        yield 1
        yield 2
g = gen_in_with()
next(g)
g.close()
show("generator closed inside with:")
def ret_in_with():
    with CM("ret"):
        return "returned"
print(ret_in_with()); show("return inside with:")
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
show("loop control:")
