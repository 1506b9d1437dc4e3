# Pins: a linked-list container program implementing the sequence protocols: __iter__ as generator, __reversed__, __len__, __getitem__ with ints/negatives/slices, __setitem__, __delitem__, __contains__, __eq__, __add__/__iadd__, __repr__, and index/count via collections.abc.MutableSequence mixins.
from collections.abc import MutableSequence
class _Node:
    __slots__ = ("val", "nxt")
    def __init__(self, val, nxt=None):
        self.val, self.nxt = val, nxt
class LinkedList(MutableSequence):
    def __init__(self, items=()):
        self._head, self._len = None, 0
        for x in items:
            self.append(x)
    def _node(self, i):
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("linked list index out of range")
        n = self._head
        for _ in range(i):
            n = n.nxt
        return n
    def __len__(self): return self._len
    def __iter__(self):
        n = self._head
        while n:
            yield n.val
            n = n.nxt
    def __reversed__(self):
        return iter(list(self)[::-1])
    def __getitem__(self, i):
        if isinstance(i, slice):
            return LinkedList(list(self)[i])
        return self._node(i).val
    def __setitem__(self, i, v):
        self._node(i).val = v
    def __delitem__(self, i):
        if i < 0:
            i += self._len
        if i == 0:
            if not self._head:
                raise IndexError("delete from empty list")
            self._head = self._head.nxt
        else:
            prev = self._node(i - 1)
            if not prev.nxt:
                raise IndexError("linked list index out of range")
            prev.nxt = prev.nxt.nxt
        self._len -= 1
    def insert(self, i, v):
        if i <= 0 or not self._head:
            self._head = _Node(v, self._head)
        else:
            prev = self._node(min(i, self._len) - 1)
            prev.nxt = _Node(v, prev.nxt)
        self._len += 1
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __add__(self, other):
        return LinkedList([*self, *other])
    def __repr__(self):
        return "LinkedList([" + " -> ".join(map(repr, self)) + "])"
ll = LinkedList("abc")
ll.append("d"); ll.insert(0, "start"); ll.insert(100, "end"); ll.insert(2, "mid")
print(ll, len(ll), ll[0], ll[-1], ll[2], ll[1:4], ll[::-2])
print("mid" in ll, "zz" in ll, ll.index("c"), ll.count("a"), list(reversed(ll)), sorted(ll))
ll[1] = "A"; del ll[0]; del ll[-1]
print(ll, ll.pop(), ll.pop(0), ll)
ll.remove("mid"); ll.extend(["x", "y"]); ll += ["z"]
print(ll, ll + ["w"], type(ll + ["w"]).__name__, ll == LinkedList(["b", "c", "x", "y", "z"]), ll == ["b", "c", "x", "y", "z"])
ll.reverse()
print(ll, list(ll))
for bad in [lambda: ll[10], lambda: ll.__delitem__(10), lambda: ll.index("nope"), lambda: LinkedList().pop(), lambda: ll.remove("nope")]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(isinstance(ll, MutableSequence), sum(LinkedList(range(10))), max(LinkedList([3, 9, 2])), dict(zip(LinkedList("ab"), LinkedList([1, 2]))))
big = LinkedList(range(100))
print(len(big), big[50], big[-1], list(big[95:]))
