# The Python part of Spindle's _collections: defaultdict, _count_elements,
# _tuplegetter. deque and its iterators are native (core/deque.rs).

_repr_active = set()
def _repr_running(o):
    return id(o) in _repr_active
def _repr_enter(o):
    _repr_active.add(id(o))
def _repr_leave(o):
    _repr_active.discard(id(o))

class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        object.__setattr__(self, 'default_factory', default_factory)

    def __missing__(self, key):
        f = self.default_factory
        if f is None:
            raise KeyError(key)
        value = f()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = 'None'
        elif _repr_running(self):
            fr = '...'
        else:
            _repr_enter(self)
            try:
                fr = repr(f)
            finally:
                _repr_leave(self)
        return f'{type(self).__name__}({fr}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return (type(self), args, None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

defaultdict.__module__ = 'collections'

def _count_elements(mapping, iterable, /):
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1


class _tuplegetter:
    # The field descriptors of namedtuple classes: item `index` of the tuple,
    # read-only.
    __slots__ = ('_index', '__doc__')

    def __init__(self, index, doc, /):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if not isinstance(instance, tuple):
            raise TypeError(f"descriptor for index '{self._index}' for tuple subclasses "
                            f"doesn't apply to '{type(instance).__name__}' object")
        return tuple.__getitem__(instance, self._index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __reduce__(self):
        return type(self), (self._index, self.__doc__)

    def __repr__(self):
        return f"{type(self).__name__}({self._index}, {self.__doc__!r})"


_tuplegetter.__module__ = 'collections'
