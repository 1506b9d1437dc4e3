# `_types` for Spindle: the interpreter's internal types, found by making
# one object of each; `CapsuleType` is set by the Rust half before this runs.
import sys as _sys


def _function():
    pass


FunctionType = type(_function)
LambdaType = type(lambda: None)
CodeType = type(_function.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(_sys.implementation)
ModuleType = type(_sys)


def _make_cell():
    x = 0

    def inner():
        return x
    return inner.__closure__[0]


CellType = type(_make_cell())


def _generator():
    yield None


GeneratorType = type(_generator())


async def _coroutine():
    pass


_co = _coroutine()
CoroutineType = type(_co)
_co.close()


async def _async_generator():
    yield None


AsyncGeneratorType = type(_async_generator())


class _Holder:
    def method(self):
        pass


MethodType = type(_Holder().method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(_e.__traceback__.tb_frame)

GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(FunctionType.__globals__)
GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del _sys, _function, _make_cell, _generator, _co, _coroutine, _async_generator, _Holder
