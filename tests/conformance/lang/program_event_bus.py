# Pins: an event-bus program: decorator-based subscription with priorities, wildcard topics via fnmatch, handler exceptions collected into an ExceptionGroup, once-handlers, weakref-free unsubscribe, and except* processing of the group.
import fnmatch
from collections import defaultdict
class Bus:
    def __init__(self):
        self.subs = defaultdict(list)
        self.seq = 0
    def on(self, pattern, priority=0, once=False):
        def deco(fn):
            self.seq += 1
            self.subs[pattern].append((-priority, self.seq, fn, once))
            return fn
        return deco
    def off(self, pattern, fn):
        before = len(self.subs[pattern])
        self.subs[pattern] = [s for s in self.subs[pattern] if s[2] is not fn]
        return before - len(self.subs[pattern])
    def emit(self, topic, **payload):
        matched = sorted(s + (p,) for p, lst in self.subs.items() if fnmatch.fnmatchcase(topic, p) for s in lst)
        results, errors = [], []
        for negpri, seq, fn, once, pattern in matched:
            if once:
                self.subs[pattern] = [s for s in self.subs[pattern] if s[1] != seq]
            try:
                results.append((fn.__name__, fn(topic, **payload)))
            except Exception as e:
                e.add_note(f"handler {fn.__name__} for {topic!r}")
                errors.append(e)
        if errors:
            raise ExceptionGroup(f"{len(errors)} handler(s) failed for {topic}", errors)
        return results
bus = Bus()
@bus.on("user.*")
def audit(topic, **p): return f"audit {topic} {sorted(p)}"
@bus.on("user.created", priority=10)
def welcome(topic, name, **p): return f"welcome {name}"
@bus.on("user.created", once=True)
def first_only(topic, **p): return "first user bonus"
@bus.on("*.deleted", priority=5)
def cleanup(topic, **p):
    if p.get("id") is None:
        raise ValueError("missing id")
    return f"cleanup {p['id']}"
@bus.on("user.deleted")
def fragile(topic, **p):
    return 1 / p.get("count", 0)
print(bus.emit("user.created", name="ann"))
print(bus.emit("user.created", name="bob"))
print(bus.emit("order.deleted", id=7))
print(bus.emit("system.boot"))
try:
    bus.emit("user.deleted")
except* ValueError as eg:
    print("ValueErrors:", [(str(e), e.__notes__) for e in eg.exceptions])
except* ZeroDivisionError as eg:
    print("ZeroDivisionErrors:", [(str(e), e.__notes__) for e in eg.exceptions])
print("removed", bus.off("user.deleted", fragile), bus.off("user.deleted", fragile))
print(bus.emit("user.deleted", id=3))
try:
    bus.emit("x.deleted")
except ExceptionGroup as eg:
    print(eg, "|", eg.exceptions, "|", eg.exceptions[0].__notes__)
    sub = eg.subgroup(lambda e: isinstance(e, ValueError))
    rest = eg.split(KeyError)
    print(type(sub).__name__, len(sub.exceptions), rest[0], len(rest[1].exceptions))
print(sorted((p, len(l)) for p, l in bus.subs.items()))
