"""Spindle's Template and Interpolation types (PEP 750), used by t-strings."""


class Interpolation:
    __slots__ = ("value", "expression", "conversion", "format_spec")
    __match_args__ = ("value", "expression", "conversion", "format_spec")

    def __new__(cls, value, expression="", conversion=None, format_spec=""):
        if conversion is not None and conversion not in ("s", "r", "a"):
            raise ValueError("Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'")
        self = object.__new__(cls)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "expression", expression)
        object.__setattr__(self, "conversion", conversion)
        object.__setattr__(self, "format_spec", format_spec)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        return (f"Interpolation({self.value!r}, {self.expression!r}, "
                f"{self.conversion!r}, {self.format_spec!r})")

    def __reduce__(self):
        return (type(self), (self.value, self.expression, self.conversion, self.format_spec))


class Template:
    __slots__ = ("strings", "interpolations")

    def __new__(cls, *args):
        strings = []
        interps = []
        last_str = False
        for a in args:
            if isinstance(a, str):
                if last_str:
                    strings[-1] += a
                else:
                    strings.append(a)
                last_str = True
            elif isinstance(a, Interpolation):
                if not last_str:
                    strings.append("")
                interps.append(a)
                last_str = False
            else:
                raise TypeError(f"Template.__new__ *args need to be of type 'str' or 'Interpolation', got {type(a).__name__}")
        if not last_str:
            strings.append("")
        self = object.__new__(cls)
        object.__setattr__(self, "strings", tuple(strings))
        object.__setattr__(self, "interpolations", tuple(interps))
        return self

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    @property
    def values(self):
        return tuple(i.value for i in self.interpolations)

    def __iter__(self):
        for s, i in zip(self.strings, self.interpolations + (None,)):
            if s:
                yield s
            if i is not None:
                yield i

    def __add__(self, other):
        if isinstance(other, Template):
            return Template(*self, *other)
        raise TypeError(
            f'can only concatenate string.templatelib.Template (not "{type(other).__name__}") '
            "to string.templatelib.Template"
        )

    def __radd__(self, other):
        if isinstance(other, str):
            raise TypeError('can only concatenate str (not "string.templatelib.Template") to str')
        return NotImplemented

    def __repr__(self):
        return f"Template(strings={self.strings!r}, interpolations={self.interpolations!r})"

    def __reduce__(self):
        return (type(self), tuple(self))


def _build(strings, interpolations):
    t = object.__new__(Template)
    object.__setattr__(t, "strings", strings)
    object.__setattr__(t, "interpolations", interpolations)
    return t


Template.__module__ = Interpolation.__module__ = "string.templatelib"
