# Pins: keyword (kwlist/softkwlist/iskeyword/issoftkeyword) and shlex: split with quotes/escapes/comments, posix vs non-posix, quote/join, shlex instance token stream with punctuation_chars and whitespace_split, errors.
import keyword, shlex
print(len(keyword.kwlist), keyword.kwlist[:6], sorted(keyword.softkwlist))
print([w for w in ["if", "match", "case", "type", "_", "print", "None", "async", "nonlocal", "True", "self"] if keyword.iskeyword(w)])
print([w for w in ["if", "match", "case", "type", "_", "print"] if keyword.issoftkeyword(w)])
cases = ['a b  c', 'cmd "quoted arg" \'single q\'', 'esc\\ aped "in\\"ner"', "mix'ed'\"quotes\"", 'a # comment', '', '   ', "x=1 y='2 3'", '"a""b"', "\\\\"]
for s in cases:
    print(repr(s), shlex.split(s))
print(shlex.split("a # not comment", comments=False), shlex.split("a # comment", comments=True), shlex.split("'x y' z", posix=False))
for bad in ['"unterminated', "it's", "trail\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for s in ["simple", "has space", "it's", "", "$HOME", "a;b", "ümlaut", "-flag", "*.py"]:
    print(repr(s), shlex.quote(s))
print(shlex.join(["echo", "hello world", "it's", "$x"]), shlex.split(shlex.join(["a b", "c'd", ""])))
lx = shlex.shlex("a && b || c; (d > out.txt)", punctuation_chars=True)
print(list(lx))
lx2 = shlex.shlex("key=value other=x", posix=True)
lx2.whitespace_split = True
print(list(lx2))
lx3 = shlex.shlex("foo(bar, 'baz qux')")
print([t for t in lx3])
lx4 = shlex.shlex("one two three", posix=True)
print(lx4.get_token(), lx4.get_token(), lx4.lineno)
lx4.push_token("pushed")
print(lx4.get_token(), lx4.get_token(), repr(lx4.get_token()))
lx5 = shlex.shlex("a.b-c d", posix=True)
lx5.wordchars += ".-"
print(list(lx5))
print(shlex.split("multi\nline\targs"), shlex.split("a 'b\nc'"))
