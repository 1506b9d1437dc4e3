# Instance attributes: insertion order per instance, deletion, __dict__
# replacement and deletion, __class__ assignment, more attributes than
# fit inline, copy/pickle, a str-subclass name, cycles of instances.
class P:
    def __init__(self, x):
        self.x = x
        self.y = 2
p = P(1)
print(p.x, p.y, vars(p))
q = P(3); q.z = 5; del q.x; q.x = 7
print(vars(q), q.__dict__ is q.__dict__)
class Q: pass
r = Q(); r.b = 1; r.a = 2
print(vars(r))
r.__class__ = P
print(vars(r), r.a)
class Many:
    def __init__(self):
        for i in range(10): setattr(self, 'a%d' % i, i)
m = Many(); print(vars(m)); print(m.a9, m.a0)
del m.a3
print(hasattr(m, 'a3'), list(vars(m))[:4])
s = P(1)
del s.y
try: s.y
except AttributeError as e: print(e)
try: del s.y
except AttributeError as e: print(e)
s.__dict__ = {'k': 1}
print(s.k, hasattr(s, 'x'))
del s.__dict__
print(vars(s)); s.w = 4; print(vars(s))
import copy, pickle
p2 = copy.deepcopy(p); print(vars(p2))
print(pickle.loads(pickle.dumps(p)).__dict__)
class S(str): pass
setattr(p, S('zz'), 9); print(p.zz, vars(p))
t = P(1); t.__dict__['y'] = 10; print(t.y)
u = P(5); d = u.__dict__; u.n = 3; print(d)
import gc
class C: pass
for i in range(1000):
    a = C(); b = C(); a.o = b; b.o = a
print(gc.collect() >= 0)
