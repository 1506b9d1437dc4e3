# Pins: re.sub/subn with group references (\1, \g<name>, \g<0>), callable replacements, count, named groups/groupdict, backreferences in patterns, escape rules, template errors.
import re
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, amy@test.com"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "John Smith"), re.sub(r"a(b)?", r"[\g<0>|\1]", "ab a"))
print(re.subn(r"\d", "#", "a1b22c333"), re.sub(r"\d", "#", "a1b22c333", count=2), re.sub("x*", "-", "abc"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.sub(r"(?i)hello", "bye", "Hello HELLO hello"), re.sub("a", r"\n", "bab") == "b\nb", re.sub("a", lambda m: r"\n", "bab"))
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?", "on 2024-03 ok")
print(m.group(), m.group(1, 2), m.groups(), m.groups("none"), m.groupdict(), m.groupdict(""), m["year"], m.span("month"), m.start(3), m.lastgroup, m.lastindex)
print(re.search(r"\b(\w+) \1\b", "this is is a test").group(1), re.search(r"(?P<q>['\"]).*?(?P=q)", "say \"hi\" 'x'").group())
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"(?:\w)(\d)", "a1 b2"), re.findall(r"\w\d", "a1 b2"))
for bad in [r"\3", r"\g<name>", r"\g<1", "\\"]:
    try:
        re.sub(r"(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    re.compile(r"(?P<n>a)(?P<n>b)")
except re.error as e:
    print("re.error", e)
print(re.escape("a.b*c?d+(e)[f]{g}|h^$\\ i-j#k&"), re.escape("plain_text123"))
print(re.sub(re.escape("1+1=2"), "math", "is 1+1=2?"))
pat = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)")
print([m.groupdict() for m in pat.finditer("a=1;b=two;c=")], pat.groupindex["val"], pat.groups, pat.pattern)
print(m.expand(r"\g<month>/\g<year>"), m.re.pattern[:10], m.string, m.pos, m.endpos)
print(re.sub(r"(\s)+", r"\1", "a   b\t\tc"), re.sub(r"^", "> ", "l1\nl2", flags=re.M))
def camel_to_snake(s):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", s).lower()
print(camel_to_snake("CamelCaseString"), camel_to_snake("HTTPServer"))
print(re.sub(r"(?P<n>\d)", r"<\g<n>\g<n>>", "12"), re.sub(r"\\", "/", "a\\b\\c"))
print(re.subn(r"$", "!", "line1\nline2", flags=re.M), re.sub("", "-", "ab"))
try:
    re.sub(r"(a)|b", r"\1", "b")
    print("unmatched group ->", repr(re.sub(r"(a)|b", r"\1", "b")))
except re.error as e:
    print("re.error", e)
