# Pins: class vs instance attribute semantics: instance assignment shadows class attr, mutable class attribute shared across instances, augmented assignment on instance creating shadow, del instance attr reveals class attr, class attribute changes visible to instances, methods stored on instances are not bound.
class Counter:
    count = 0
    shared = []
    def __init__(self, name):
        self.name = name
a, b = Counter("a"), Counter("b")
a.count += 1
print(a.count, b.count, Counter.count, "count" in vars(a), "count" in vars(b))
a.shared.append("from a")
print(b.shared, Counter.shared, a.shared is b.shared)
a.shared = ["own"]
print(a.shared, b.shared)
del a.count
print(a.count)
Counter.count = 10
print(a.count, b.count)
try:
    del b.count
except AttributeError as e:
    print("AttributeError", e)
def standalone(self=None):
    return f"called with {self!r}"
a.method = standalone
Counter.method = standalone
print(a.method(), b.method().startswith("called with <"))
del a.method
print(a.method().startswith("called with <"))
class Config:
    defaults = {"debug": False}
    def __init__(self, **over):
        self.settings = {**self.defaults, **over}
c1, c2 = Config(debug=True), Config()
print(c1.settings, c2.settings, Config.defaults)
class Tracker:
    instances = 0
    def __init__(self):
        Tracker.instances += 1
        self.id = Tracker.instances
    @classmethod
    def reset(cls):
        cls.instances = 0
ts = [Tracker() for _ in range(3)]
print([t.id for t in ts], Tracker.instances)
class Sub(Tracker):
    pass
Sub.reset()
print(Sub.instances, Tracker.instances, "instances" in vars(Sub))
Sub()
print(Tracker.instances, Sub.instances)
class Slot:
    __slots__ = ("x",)
    y = "class y"
s = Slot()
try:
    s.y = "instance y"
except AttributeError as e:
    print("AttributeError", e)
s.x = 1
print(s.x, s.y, Slot.y)
class Desc:
    label = "class label"
    @property
    def label_upper(self): return self.label.upper()
d = Desc()
d.label = "inst label"
print(d.label_upper, Desc().label_upper)
print(sorted(k for k in vars(Counter) if not k.startswith("__")), vars(b))
