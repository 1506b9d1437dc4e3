"""Spindle's `_typing`: the primitives `typing` imports from its C half.

TypeVar, ParamSpec, TypeVarTuple (and ParamSpec's .args/.kwargs), the
TypeAliasType of `type X = ...`, Generic, the NoDefault sentinel, Union and
_idfunc. The heavier lifting (type checks, substitution, generic class
parameterisation) lives in `typing` itself and is reached lazily.
"""

import sys as _sys


def _idfunc(_, x):
    return x


def _typing():
    import typing
    return typing


def _caller_module(depth=2):
    try:
        return _sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


def _set_module(obj, depth=3):
    mod = _caller_module(depth)
    object.__setattr__(obj, '__module__', mod if mod is not None else 'typing')


class _NoDefaultType:
    __slots__ = ()
    _instance = None

    def __new__(cls, *args, **kwargs):
        if args or kwargs:
            raise TypeError("NoDefaultType takes no arguments")
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance

    def __repr__(self):
        return 'typing.NoDefault'

    def __reduce__(self):
        return 'NoDefault'


_NoDefaultType.__name__ = _NoDefaultType.__qualname__ = 'NoDefaultType'
_NoDefaultType.__module__ = 'builtins'
NoDefault = _NoDefaultType()


# --------------------------------------------------------------------- Union

_NativeUnion = type(int | str)


def _union_of(args):
    if not isinstance(args, tuple):
        args = (args,)
    if not args:
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for a in args:
        if a is None:
            a = type(None)
        elif isinstance(a, str):
            a = _typing()._type_convert(a)
        if isinstance(a, (_NativeUnion, _PyUnion)):
            parts = a.__args__
        else:
            parts = (a,)
        for p in parts:
            if not any(p is q or _safe_eq(p, q) for q in flat):
                flat.append(p)
    if len(flat) == 1:
        return flat[0]
    native = None
    try:
        for p in flat:
            if not (isinstance(p, type) or isinstance(p, _NativeUnion)
                    or type(p).__name__ == 'GenericAlias' and type(p).__module__ == 'types'):
                raise TypeError
            native = p if native is None else native | p
        if isinstance(native, _NativeUnion) and len(native.__args__) == len(flat):
            return native
    except TypeError:
        pass
    u = object.__new__(_PyUnion)
    u._args = tuple(flat)
    return u


def _safe_eq(a, b):
    try:
        return bool(a == b)
    except Exception:
        return False


class _UnionMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _NativeUnion) or type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        return (isinstance(sub, type) and issubclass(sub, _NativeUnion)) or type.__subclasscheck__(cls, sub)

    def __getitem__(cls, params):
        return _union_of(params)

    def __repr__(cls):
        return "<class 'typing.Union'>"


def _type_repr(obj):
    # What annotationlib.type_repr gives, without importing annotationlib.
    if obj is type(None) or obj is None:
        return 'None'
    if isinstance(obj, type) and not isinstance(obj, _NativeUnion):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function' or type(obj).__name__ == 'builtin_function_or_method':
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


class _PyUnion(metaclass=_UnionMeta):
    """Represent a union type

    E.g. for int | str
    """
    __slots__ = ('_args', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'typing.Union' instances")

    @property
    def __args__(self):
        return self._args

    @property
    def __origin__(self):
        return Union

    @property
    def __parameters__(self):
        return _typing()._collect_type_parameters(self._args)

    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self._args)

    def __eq__(self, other):
        if not isinstance(other, (_PyUnion, _NativeUnion)):
            return NotImplemented
        a, b = self._args, other.__args__
        return len(a) == len(b) and all(any(_safe_eq(x, y) for y in b) for x in a)

    def __hash__(self):
        h = 0x345678
        for a in self._args:
            h ^= hash(a)
        return h

    def __or__(self, other):
        return _union_of((self, other))

    def __ror__(self, other):
        return _union_of((other, self))

    def __getitem__(self, item):
        t = _typing()
        alias = t._GenericAlias(Union, self._args)
        return _union_of(tuple(alias[item].__args__))

    def __instancecheck__(self, obj):
        for a in self._args:
            if not isinstance(a, type) and not isinstance(a, _NativeUnion):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self._args)

    def __subclasscheck__(self, cls):
        for a in self._args:
            if not isinstance(a, type) and not isinstance(a, _NativeUnion):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self._args)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __reduce__(self):
        import functools, operator
        return (functools.reduce, (operator.or_, self._args))


_PyUnion.__name__ = _PyUnion.__qualname__ = 'Union'
_PyUnion.__module__ = 'typing'

# The VM's own union type is typing.Union once it can be subscripted;
# until then a Python class stands in for it (and accepts its instances).
if hasattr(_NativeUnion, '__class_getitem__') or hasattr(type(_NativeUnion), '__getitem__'):
    Union = _NativeUnion
else:
    Union = _PyUnion


# ----------------------------------------------------------- type variables

def _const_evaluator(value):
    def evaluate(format, /):
        if format == 4:  # annotationlib.Format.STRING
            return _type_repr(value)
        return value
    evaluate.__qualname__ = evaluate.__name__ = 'constevaluator'
    return evaluate


class _TypeVarLike:
    """Shared machinery of TypeVar, ParamSpec and TypeVarTuple."""
    __slots__ = ()

    # A PEP 695 parameter's default is evaluated when first asked for: the
    # compiler's evaluation function sits in `_evaluate_default` until then.
    _evaluate_default = None

    def has_default(self):
        return self._default is not NoDefault or self._evaluate_default is not None

    @property
    def __default__(self):
        if self._default is NoDefault and self._evaluate_default is not None:
            self._default = self._evaluate_default(1)
        return self._default

    @property
    def evaluate_default(self):
        if self._evaluate_default is not None:
            return self._evaluate_default
        if self._default is NoDefault:
            return None
        return _const_evaluator(self._default)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of {type(self).__name__}")

    def __init_subclass__(cls, **kwargs):
        if cls.__module__ != __name__:
            raise TypeError(f"type 'typing.{cls.__mro__[1].__name__}' is not an acceptable base type")
        super().__init_subclass__(**kwargs)


def _variance_prefix(tv):
    if tv.__infer_variance__:
        return ''
    if tv.__covariant__:
        return '+'
    if tv.__contravariant__:
        return '-'
    return '~'


def _check_variance(covariant, contravariant, infer_variance):
    if covariant and contravariant:
        raise ValueError("Bivariant type variables are not supported.")
    if infer_variance and (covariant or contravariant):
        raise ValueError("Variance cannot be specified with infer_variance.")


def _check_bound(bound):
    if bound is None:
        return None
    return _typing()._type_check(bound, "Bound must be a type.")


class TypeVar(_TypeVarLike):
    """Type variable.

    The preferred way to construct a type variable is via the dedicated
    syntax for generic functions, classes, and type aliases::

        class Sequence[T]:  # T is a TypeVar
            ...

    This syntax can also be used to create bound and constrained type
    variables::

        # S is a TypeVar bound to str
        class StrSequence[S: str]:
            ...

        # A is a TypeVar constrained to str or bytes
        class StrOrBytesSequence[A: (str, bytes)]:
            ...

    Type variables can also have defaults:

        class IntDefault[T = int]:
            ...

    However, if desired, reusable type variables can also be constructed
    manually, like so::

       T = TypeVar('T')  # Can be anything
       S = TypeVar('S', bound=str)  # Can be any subtype of str
       A = TypeVar('A', str, bytes)  # Must be exactly str or bytes
       D = TypeVar('D', default=int)  # Defaults to int

    Type variables exist primarily for the benefit of static type
    checkers.  They serve as the parameters for generic types as well
    as for generic function and type alias definitions.

    The variance of type variables is inferred by type checkers when they
    are created through the type parameter syntax and when
    ``infer_variance=True`` is passed. Manually created type variables may
    be explicitly marked covariant or contravariant by passing
    ``covariant=True`` or ``contravariant=True``. By default, manually
    created type variables are invariant. See PEP 484 and PEP 695 for more
    details.
    """

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=NoDefault):
        if not isinstance(name, str):
            raise TypeError(f"TypeVar() argument 'name' must be str, not {type(name).__name__}")
        _check_variance(covariant, contravariant, infer_variance)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        bound = _check_bound(bound)
        if constraints:
            t = _typing()
            constraints = tuple(t._type_check(c, "TypeVar(name, constraint, ...): constraints must be types.")
                                for c in constraints)
        self.__name__ = name
        self._bound = bound
        self._constraints = tuple(constraints)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self._default = default
        _set_module(self)

    # PEP 695: `class C[T: Bound]` evaluates the bound (or constraints) when
    # first asked for; `_pep695` keeps the compiler's evaluation functions.
    _evaluate_bound = None
    _evaluate_constraints = None

    @classmethod
    def _pep695(cls, name, evaluate_bound=None, evaluate_constraints=None):
        self = cls(name, infer_variance=True)
        _set_module(self)
        self._evaluate_bound = evaluate_bound
        self._evaluate_constraints = evaluate_constraints
        return self

    @property
    def __bound__(self):
        if self._bound is None and self._evaluate_bound is not None:
            self._bound = self._evaluate_bound(1)
        return self._bound

    @property
    def __constraints__(self):
        if not self._constraints and self._evaluate_constraints is not None:
            self._constraints = tuple(self._evaluate_constraints(1))
        return self._constraints

    @property
    def evaluate_bound(self):
        if self._evaluate_bound is not None:
            return self._evaluate_bound
        return None if self._bound is None else _const_evaluator(self._bound)

    @property
    def evaluate_constraints(self):
        if self._evaluate_constraints is not None:
            return self._evaluate_constraints
        return _const_evaluator(self._constraints) if self._constraints else None

    def __repr__(self):
        return _variance_prefix(self) + self.__name__

    def __typing_subst__(self, arg):
        return _typing()._typevar_subst(self, arg)

    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        if i < len(args):
            return args
        if i == len(args) and self.has_default():
            return (*args, self.__default__)
        raise TypeError(f"Too few arguments for {alias}; actual {len(args)}, expected at least {i + 1}")


class ParamSpecArgs:
    """The args for a ParamSpec object.

    Given a ParamSpec object P, P.args is an instance of ParamSpecArgs.

    ParamSpecArgs objects have a reference back to their ParamSpec::

        >>> P = ParamSpec("P")
        >>> P.args.__origin__ is P
        True

    This type is meant for runtime introspection and has no special meaning
    to static type checkers.
    """
    __slots__ = ('__origin__',)

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        o = self.__origin__
        return f"{getattr(o, '__name__', repr(o))}.args"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, id(self.__origin__)))

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of ParamSpecArgs")


class ParamSpecKwargs:
    """The kwargs for a ParamSpec object.

    Given a ParamSpec object P, P.kwargs is an instance of ParamSpecKwargs.

    ParamSpecKwargs objects have a reference back to their ParamSpec::

        >>> P = ParamSpec("P")
        >>> P.kwargs.__origin__ is P
        True

    This type is meant for runtime introspection and has no special meaning
    to static type checkers.
    """
    __slots__ = ('__origin__',)

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        o = self.__origin__
        return f"{getattr(o, '__name__', repr(o))}.kwargs"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, id(self.__origin__)))

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of ParamSpecKwargs")


class ParamSpec(_TypeVarLike):
    """Parameter specification variable.

    The preferred way to construct a parameter specification is via the
    dedicated syntax for generic functions, classes, and type aliases,
    where the use of '**' creates a parameter specification::

        type IntFunc[**P] = Callable[P, int]

    The following syntax creates a parameter specification that defaults
    to a callable accepting two positional-only arguments of types int
    and str:

        type IntFuncDefault[**P = (int, str)] = Callable[P, int]

    For compatibility with Python 3.11 and earlier, ParamSpec objects
    can also be created as follows::

        P = ParamSpec('P')
        DefaultP = ParamSpec('DefaultP', default=(int, str))

    Parameter specification variables exist primarily for the benefit of
    static type checkers.  They are used to forward the parameter types of
    one callable to another callable, a pattern commonly found in
    higher-order functions and decorators.  They are only valid when used
    in ``Concatenate``, or as the first argument to ``Callable``, or as
    parameters for user-defined Generics. See class Generic for more
    information on generic types.
    """

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        if not isinstance(name, str):
            raise TypeError(f"ParamSpec() argument 'name' must be str, not {type(name).__name__}")
        _check_variance(covariant, contravariant, infer_variance)
        self.__name__ = name
        self.__bound__ = _check_bound(bound)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self._default = default
        _set_module(self)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return _variance_prefix(self) + self.__name__

    def __typing_subst__(self, arg):
        return _typing()._paramspec_subst(self, arg)

    def __typing_prepare_subst__(self, alias, args):
        return _typing()._paramspec_prepare_subst(self, alias, args)


class TypeVarTuple(_TypeVarLike):
    """Type variable tuple. A specialized form of type variable that enables
    variadic generics.

    The preferred way to construct a type variable tuple is via the
    dedicated syntax for generic functions, classes, and type aliases,
    where a single '*' indicates a type variable tuple::

        def move_first_element_to_last[T, *Ts](tup: tuple[T, *Ts]) -> tuple[*Ts, T]:
            return (*tup[1:], tup[0])

    Type variables tuples can have default values:

        type AliasWithDefault[*Ts = (str, int)] = tuple[*Ts]

    For compatibility with Python 3.11 and earlier, TypeVarTuple objects
    can also be created as follows::

        Ts = TypeVarTuple('Ts')  # Can be given any name
        DefaultTs = TypeVarTuple('Ts', default=(str, int))

    Just as a TypeVar (type variable) is a placeholder for a single type,
    a TypeVarTuple is a placeholder for an *arbitrary* number of types. For
    example, if we define a generic class using a TypeVarTuple::

        class C[*Ts]: ...

    Then we can parameterize that class with an arbitrary number of type
    arguments::

        C[int]       # Fine
        C[int, str]  # Also fine
        C[()]        # Even this is fine

    For more details, see PEP 646.

    Note that only TypeVarTuples defined in the global scope can be
    pickled.
    """

    def __init__(self, name, *, default=NoDefault):
        if not isinstance(name, str):
            raise TypeError(f"TypeVarTuple() argument 'name' must be str, not {type(name).__name__}")
        self.__name__ = name
        self._default = default
        _set_module(self)

    def __iter__(self):
        yield _typing().Unpack[self]

    def __repr__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")

    def __typing_prepare_subst__(self, alias, args):
        return _typing()._typevartuple_prepare_subst(self, alias, args)


# ----------------------------------------------------------- type aliases

class TypeAliasType:
    """Type alias.

    Type aliases are created through the type statement::

        type Alias = int

    In this example, Alias and int will be treated equivalently by static
    type checkers.

    At runtime, Alias is an instance of TypeAliasType. The __name__
    attribute holds the name of the type alias. The value of the type alias
    is stored in the __value__ attribute. It is evaluated lazily, so the
    value is computed only if the attribute is accessed.

    Type aliases can also be generic::

        type ListOrSet[T] = list[T] | set[T]

    In this case, the type parameters of the alias are stored in the
    __type_params__ attribute.

    See PEP 695 for more information.
    """

    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError("TypeAliasType() argument 'name' must be str, not "
                            f"{type(name).__name__}")
        if not isinstance(type_params, tuple):
            raise TypeError("type_params must be a tuple")
        seen_default = False
        for p in type_params:
            if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                raise TypeError(f"Expected a type param, got {p!r}")
            if p.has_default():
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default type parameter '{p!r}' "
                                "follows default type parameter")
        s = object.__setattr__
        s(self, '__name__', name)
        s(self, '_value', value)
        s(self, '_evaluate', None)
        s(self, '__type_params__', type_params)
        mod = _caller_module(2)
        s(self, '__module__', mod if mod is not None else 'typing')
        s(self, '_frozen', True)

    @classmethod
    def _lazy(cls, name, evaluate, type_params=(), module=None):
        self = cls.__new__(cls)
        s = object.__setattr__
        s(self, '__name__', name)
        s(self, '_value', NoDefault)
        s(self, '_evaluate', evaluate)
        s(self, '__type_params__', type_params)
        s(self, '__module__', module or 'typing')
        s(self, '_frozen', True)
        return self

    def __setattr__(self, name, value):
        if name in ('__name__', '__value__', '__type_params__', '__parameters__',
                    '__module__', 'evaluate_value', '__qualname__'):
            raise AttributeError(f"readonly attribute")
        raise AttributeError(f"'typing.TypeAliasType' object has no attribute '{name}'")

    def __delattr__(self, name):
        raise AttributeError("readonly attribute")

    @property
    def __value__(self):
        if self._value is NoDefault and self._evaluate is not None:
            object.__setattr__(self, '_value', self._evaluate(1))
        return self._value

    @property
    def evaluate_value(self):
        if self._evaluate is not None:
            return self._evaluate
        return _const_evaluator(self._value)

    @property
    def __parameters__(self):
        out = []
        for p in self.__type_params__:
            if isinstance(p, TypeVarTuple):
                out.extend(p)
            else:
                out.append(p)
        return tuple(out)

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        if not isinstance(params, tuple):
            params = (params,)
        import types
        return types.GenericAlias(self, params)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeAliasType")

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'typing.TypeAliasType' is not an acceptable base type")


# ----------------------------------------------------------------- Generic

class Generic:
    """Abstract base class for generic types.

    On Python 3.12 and newer, generic classes implicitly inherit from
    Generic when they declare a parameter list after the class's name::

        class Mapping[KT, VT]:
            def __getitem__(self, key: KT) -> VT:
                ...
            # Etc.

    On older versions of Python, however, generic classes have to
    explicitly inherit from Generic.

    After a class has been declared to be generic, it can then be used as
    follows::

        def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:
            try:
                return mapping[key]
            except KeyError:
                return default
    """
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        return _typing()._generic_class_getitem(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        return _typing()._generic_init_subclass(cls, *args, **kwargs)

    __class_getitem__ = classmethod(__class_getitem__)
    __init_subclass__ = classmethod(__init_subclass__)


for _c in (TypeVar, ParamSpec, TypeVarTuple, ParamSpecArgs, ParamSpecKwargs,
           TypeAliasType, Generic):
    _c.__module__ = 'typing'
del _c
