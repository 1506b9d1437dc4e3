# Pins: textwrap: wrap/fill widths, break_long_words/break_on_hyphens, initial/subsequent_indent, max_lines+placeholder, shorten, dedent/indent with predicate, expand_tabs, drop_whitespace, TextWrapper reuse.
import textwrap
text = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs."
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("well-known state-of-the-art self-contained", 12))
print(textwrap.wrap("well-known state-of-the-art self-contained", 12, break_on_hyphens=False))
print(textwrap.wrap(text, 20, max_lines=2), textwrap.wrap(text, 20, max_lines=2, placeholder=" ~"))
print(textwrap.shorten(text, 40), textwrap.shorten("Hello  \n world", 12), textwrap.shorten(text, 15, placeholder="..."))
try:
    textwrap.shorten(text, 3)
except ValueError as e:
    print("ValueError", e)
try:
    textwrap.wrap(text, 0)
except ValueError as e:
    print("ValueError", e)
code = """
    def f():
        return 1

    x = 2
"""
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("  a\n    b\n  \n  c")), repr(textwrap.dedent("")))
print(repr(textwrap.indent("a\nb\n\nc\n", "> ")), repr(textwrap.indent("a\n\n b", "+", lambda l: True)))
print(repr(textwrap.indent("x\ny", "  ", predicate=lambda line: line.startswith("y"))))
print(textwrap.wrap("a\tb\tc", 20), textwrap.wrap("a\tb", 20, expand_tabs=False), textwrap.wrap("a\tb", 20, tabsize=2))
print(textwrap.wrap("   leading and trailing   ", 10), textwrap.wrap("   leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("one. two", 20, fix_sentence_endings=True), textwrap.wrap("Hi there.  Bye", 40), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
w = textwrap.TextWrapper(width=15, initial_indent="- ", subsequent_indent="  ", replace_whitespace=True)
for para in ["first paragraph of text here", "second\nparagraph\twith\nbreaks"]:
    print(w.fill(para))
print(w.width, w.wrap("short"))
print(textwrap.fill("x" * 25, 10))
print(textwrap.wrap("Ünïcödé wörds wrap fine", 8))
