# Pins: string.Template (substitute/safe_substitute, $$ escaping, braces, custom delimiter/idpattern, errors, get_identifiers/is_valid) and string.Formatter (parse, custom get_value/convert_field), capwords, constants.
import string
t = string.Template("$who likes ${what}s, costs $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann", "what": "x"}, what="y"))
print(string.Template("$a $b").safe_substitute(a=1), string.Template("${a").safe_substitute(a=1))
for tpl, kw in [("$missing", {}), ("$ bad", {}), ("${a", {"a": 1}), ("$1x", {})]:
    try:
        string.Template(tpl).substitute(**kw)
    except (KeyError, ValueError) as e:
        print(repr(tpl), type(e).__name__, e)
print(string.Template("$a $b ${c} $a").get_identifiers(), string.Template("$a $").is_valid(), string.Template("$$").is_valid())
class Pct(string.Template):
    delimiter = "%"
    idpattern = r"[a-z]+"
print(Pct("%name is %age%%").substitute(name="x", age=3))
class Dotted(string.Template):
    idpattern = r"[a-z][_a-z0-9.]*"
print(Dotted("$user.name").safe_substitute({"user.name": "kim"}))
print(string.Template("$x").template, string.Template.delimiter)
f = string.Formatter()
print(list(f.parse("a{0}b{name!r:>5}c{{d}}{}")))
print(f.format("{0}-{1}-{0}", "a", "b"), f.format("{x:^7}|", x="mid"), f.vformat("{a.real} {b[0]}", (), {"a": 3, "b": [9]}))
class Defaulting(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, f"<{key}?>")
        return super().get_value(key, args, kwargs)
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
d = Defaulting()
print(d.format("{name} is {age} {0}", "pos", name="bob"), d.format("{x!u} {y!r}", x="shout", y="q"))
try:
    f.format("{0} {1}", "only")
except IndexError as e:
    print("IndexError", e)
try:
    f.format("{", 1)
except ValueError as e:
    print("ValueError", e)
print(string.capwords("hello   wORLD  foo"), string.capwords("a-b c-d", "-"), string.capwords(""))
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable), string.ascii_letters[:30])
print("{:,}".format(1234567), "{!s:*^9}".format("hi"), "{0[k]}".format({"k": "v"}))
