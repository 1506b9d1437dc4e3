# Pins: text report program combining textwrap, string alignment and unicode width-agnostic formatting: wrapped columns, hanging indents, bullet lists, justified fill via str methods, dedented templates with string.Template.
import textwrap, string
tasks = [
    ("Refactor the interpreter loop", "Split the dispatch into smaller handlers so that each opcode family can be profiled and optimised on its own.", 3),
    ("Docs", "Write docs.", 1),
    ("Conformance", "Add hundreds of small programs that pin the observable behaviour of the standard library and the language itself, recorded against CPython.", 5),
]
width = 60
print("=" * width)
print("TASK REPORT".center(width))
print("=" * width)
for i, (title, desc, prio) in enumerate(tasks, 1):
    head = f"{i}. {title}"
    print(f"{head:<45}{'*' * prio:>15}")
    body = textwrap.fill(desc, width=width - 4, initial_indent="    ", subsequent_indent="    ")
    print(body)
print("-" * width)
wrapper = textwrap.TextWrapper(width=30, initial_indent="  • ", subsequent_indent="    ")
for _, desc, _ in tasks:
    print("\n".join(wrapper.wrap(desc)))
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    q, r = divmod(spaces, gaps)
    return "".join(w + " " * (q + (1 if i < r else 0)) for i, w in enumerate(words[:-1])) + words[-1]
lines = textwrap.wrap(tasks[2][1], 36)
for ln in lines[:-1]:
    print("|" + justify(ln, 36) + "|")
print("|" + lines[-1].ljust(36) + "|")
tmpl = string.Template(textwrap.dedent("""\
    Summary for $owner:
      total tasks: $count
      top priority: $top
    """))
print(tmpl.substitute(owner="team", count=len(tasks), top=max(tasks, key=lambda t: t[2])[0]), end="")
print(textwrap.shorten(tasks[0][1], width=40, placeholder=" [...]"))
print(textwrap.indent(textwrap.fill(tasks[1][1] * 5, 25), "> ", lambda l: True))
cols = [("Name", 12, "<"), ("Prio", 6, ">"), ("Chars", 8, "^")]
print("".join(f"{h:{a}{w}}" for h, w, a in cols))
for title, desc, prio in tasks:
    vals = [textwrap.shorten(title, 12, placeholder="…"), prio, len(desc)]
    print("".join(f"{str(v):{a}{w}}" for v, (h, w, a) in zip(vals, cols)))
