# Pins: string module constants, string.Template substitution, string.Formatter, capwords, and textwrap wrap/fill/shorten/dedent/indent.
import string, textwrap
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(string.ascii_lowercase[:5], string.ascii_uppercase[-3:], len(string.printable))
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="Tim", what="apple"), t.safe_substitute(who="Ann"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("$").substitute()
except ValueError as e:
    print("ValueError:", e)
class Percent(string.Template):
    delimiter = "%"
print(Percent("%a + %{b}").substitute(a=1, b=2))
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{b!r:>3}c{}")), f.vformat("{a}", (), {"a": "vf"}))
print(string.capwords("hello   big  world"), string.capwords("a-b c-d", "-"))
text = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 30), textwrap.shorten("short", 30), textwrap.shorten(text, 25, placeholder="..."))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.dedent("\ta\n\tb")), repr(textwrap.dedent("  x\n\n  y")))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("a\n\nb", "+", lambda l: True), sep="\n---\n")
w = textwrap.TextWrapper(width=12, break_long_words=False, max_lines=2, placeholder=" [..]")
print(w.wrap("supercalifragilistic word list here"))
print(textwrap.wrap("a\tb  c", 10, expand_tabs=True, replace_whitespace=True), textwrap.wrap("", 5), textwrap.wrap("x" * 12, 5))
print(textwrap.fill("Mr. Smith went. Then he left.", 15, fix_sentence_endings=True))
