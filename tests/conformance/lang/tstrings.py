# Pins: PEP 750 template strings: Template and Interpolation objects, conversions, format specs, concatenation and iteration.
from string.templatelib import Template, Interpolation

name = "world"
count = 3
t = t"Hello {name}! You have {count:03d} new {'messages'!r}."
print(type(t).__name__, type(t) is Template)
print(t.strings)
print(len(t.interpolations))
for i in t.interpolations:
    print(type(i).__name__, repr(i.value), i.expression, i.conversion, repr(i.format_spec))
print(t.values)
print(list(t))

def render(tmpl):
    out = []
    for part in tmpl:
        if isinstance(part, str):
            out.append(part)
        else:
            v = part.value
            if part.conversion == "r":
                v = repr(v)
            elif part.conversion == "s":
                v = str(v)
            out.append(format(v, part.format_spec))
    return "".join(out)

print(render(t))
empty = t""
print(empty.strings, empty.interpolations)
only = t"{name}"
print(only.strings, only.values)
adj = t"{name}{count}"
print(adj.strings)
both = t"a{name}" + t"b{count}"
print(both.strings, both.values)
try:
    t"x" + "y"
except TypeError as e:
    print("TypeError:", e)
width = 6
nested = t"{count:>{width}}"
print(repr(nested.interpolations[0].format_spec), render(nested))
dbg = t"{count=}"
print(dbg.strings, dbg.interpolations[0].conversion)
manual = Template("a", Interpolation(1, "one"), "b")
print(manual.strings, manual.values, manual.interpolations[0].expression)
i = Interpolation(5, "x", "r", ">3")
print(i.value, i.expression, i.conversion, i.format_spec)
print(Interpolation.__match_args__)
match i:
    case Interpolation(value, expr, conv, spec):
        print("matched", value, expr, conv, spec)
raw = rt"\n{name}"
print(raw.strings)
multi = t"""line1
{name}"""
print(multi.strings)
print(Template("x", "y").strings)
print(t"{name!a}".interpolations[0].conversion)
