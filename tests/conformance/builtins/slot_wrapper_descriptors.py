# Pins: a type slot's method is a `wrapper_descriptor` ("slot wrapper") that binds to a `method-wrapper`, other builtin methods are `method_descriptor`s binding to builtin methods: reprs, type names, qualnames, __objclass__, equality, binding and pickling as CPython shows them.
import inspect
import pickle
import re
import types


def shown(x):
    return re.sub(r"0x[0-9a-f]+", "0x...", repr(x))


class C:
    def __len__(self):
        return 3


unbound = [
    list.__len__, int.__add__, int.__radd__, object.__init__, object.__repr__, object.__eq__,
    object.__setattr__, object.__getattribute__, str.__lt__, list.__iadd__, list.__iter__,
    list.__setitem__, list.__delitem__, type.__call__, int.__hash__, int.__neg__, int.__bool__,
    list.__getitem__, dict.__contains__, list.append, str.join, object.__reduce_ex__,
    object.__dir__, object.__format__, object.__sizeof__, C.__init__, C.__repr__,
]
for d in unbound:
    print(shown(d), type(d).__name__, d.__qualname__, d.__name__, d.__objclass__.__name__)

bound = [[].__len__, (1).__add__, object().__init__, "s".__lt__, [].append, C().__init__, C().__repr__]
for b in bound:
    print(shown(b), type(b).__name__, b.__qualname__, b.__name__, type(b.__self__).__name__)
print(shown(C.__len__), shown(C().__len__))

print(type(list.__len__), type([].__len__), type(list.append), type([].append))
print(types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType)
print(isinstance(list.__len__, types.WrapperDescriptorType), isinstance([].__len__, types.MethodWrapperType))
print(isinstance(list.append, types.MethodDescriptorType), isinstance([].append, types.BuiltinMethodType))
print(isinstance([].__len__, types.BuiltinMethodType), isinstance(list.__len__, types.MethodDescriptorType))
print(hasattr(list.__len__, "__self__"), hasattr(list.append, "__self__"))
print([].__len__.__objclass__, C().__init__.__objclass__, (1).__add__.__objclass__)

# calling, binding
x = [1, 2]
print(list.__len__(x), x.__len__(), int.__add__(2, 3), list.__len__.__get__(x)(), list.__len__.__get__(x, list)())
print(list.__len__.__get__(None, list) is list.__len__)
for call in [
    lambda: list.__len__(),
    lambda: list.__len__(1),
    lambda: int.__add__("a", 1),
    lambda: list.__len__.__get__(1),
    lambda: list.append(1, 2),
    lambda: list.append(),
    lambda: list.__len__.__get__(None, None),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# equality and hashing of bound builtins
y = [1]
print(y.__len__ == y.__len__, y.__len__ == [1].__len__, y.__len__ is y.__len__, y.__len__ != y.__len__)
print(hash(y.__len__) == hash(y.__len__), y.append == y.append, y.append == [1].append, y.append == y.__len__)
print(len == len, len == print, {y.__len__: 1}[y.__len__])

# pickling by name
print(shown(list.__len__.__reduce__()), shown(list.append.__reduce__()))
print(pickle.loads(pickle.dumps(list.__len__)) is list.__len__, pickle.loads(pickle.dumps(list.append)) is list.append)
print(pickle.loads(pickle.dumps(int.__add__)) is int.__add__)

print(inspect.ismethoddescriptor(list.__len__), inspect.isbuiltin(list.__len__), inspect.isroutine(list.__len__))
print(inspect.ismethodwrapper([].__len__), inspect.isbuiltin([].__len__), inspect.isroutine([].__len__))
print(callable(list.__len__), callable([].__len__))

# text signatures and docstrings of slot wrappers (the same on every class)
for d in [list.__len__, int.__add__, int.__radd__, object.__init__, object.__setattr__, str.__lt__,
          int.__neg__, int.__bool__, int.__pow__, dict.__setitem__,
          list.__iadd__, object.__getattribute__, type.__call__, property.__get__, int.__index__]:
    print(d.__qualname__, d.__text_signature__, repr(d.__doc__))
print([].__len__.__text_signature__, repr([].__len__.__doc__))
print(inspect.signature(list.__len__), inspect.signature([].__len__), inspect.signature(int.__add__))
print(inspect.signature(object.__init__), inspect.signature(int.__pow__), inspect.signature((1).__pow__))
print("__objclass__" in dir([].__len__), "__self__" in dir(list.__len__))
