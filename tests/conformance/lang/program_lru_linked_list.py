# Pins: an LRU cache program built on a doubly linked list with sentinel nodes and a dict: get/put/eviction order, __len__/__contains__/__iter__/__repr__, capacity errors, and a memoised-fib comparison with functools.lru_cache statistics.
import functools
class Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity}")
        self.capacity = capacity
        self.map = {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev
    def _push_front(self, node):
        node.next, node.prev = self.head.next, self.head
        self.head.next.prev = node
        self.head.next = node
    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node); self._push_front(node)
        return node.value
    def put(self, key, value):
        evicted = None
        if key in self.map:
            node = self.map[key]
            node.value = value
            self._unlink(node)
        else:
            if len(self.map) >= self.capacity:
                lru = self.tail.prev
                self._unlink(lru)
                del self.map[lru.key]
                evicted = lru.key
            node = Node(key, value)
            self.map[key] = node
        self._push_front(node)
        return evicted
    def __len__(self): return len(self.map)
    def __contains__(self, key): return key in self.map
    def __iter__(self):
        n = self.head.next
        while n is not self.tail:
            yield n.key
            n = n.next
    def __repr__(self):
        return "LRU[" + ", ".join(f"{k}={self.map[k].value}" for k in self) + "]"
c = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print(c, len(c))
print(c.get("a"), c)
print("evicted:", c.put("d", 4), c)
print(c.get("b", "missing"), "b" in c, "a" in c)
print("evicted:", c.put("c", 30), c)
print("evicted:", c.put("e", 5), c, list(c))
print(f"hits={c.hits} misses={c.misses}")
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError", e)
trace = LRUCache(2)
log = []
for op in "put:1 put:2 get:1 put:3 get:2 get:3 put:4 get:1".split():
    kind, key = op.split(":")
    if kind == "put":
        log.append(("ev", trace.put(key, key * 2)))
    else:
        log.append(("get", trace.get(key)))
print(log, trace)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
manual = LRUCache(1000)
def fib2(n):
    hit = manual.get(n)
    if hit is not None:
        return hit
    r = n if n < 2 else fib2(n - 1) + fib2(n - 2)
    manual.put(n, r)
    return r
print(fib(90), fib2(90), fib(90) == fib2(90), fib.cache_info().misses, manual.misses, len(manual))
