class V:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __bool__(self): return bool(self.x or self.y)
    def __repr__(self): return "V(%r, %r)" % (self.x, self.y)
    def __call__(self, z): return self.x * z
    def __contains__(self, v): return v in (self.x, self.y)
a, b = V(1, 2), V(3, 4)
print(a + b, a * 3, 2 * b, a == V(1, 2), {a, V(1, 2)}, sorted([b, a]), len(a), a[1], list(a))
print(bool(V(0, 0)), a(10), 2 in a, max(a, b), [*a, *b])
