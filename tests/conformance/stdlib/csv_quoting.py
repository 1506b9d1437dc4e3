# Pins: csv writer/reader quoting modes (MINIMAL/ALL/NONNUMERIC/NONE/STRINGS/NOTNULL), escapechar, doublequote, skipinitialspace, lineterminator and strict parsing.
import csv, io

rows = [["plain", "with,comma", 'with"quote', "multi\nline", "", None, 1, 2.5, True, " lead"]]
for name in ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_STRINGS", "QUOTE_NOTNULL"]:
    out = io.StringIO()
    w = csv.writer(out, quoting=getattr(csv, name), lineterminator="|\n")
    n = w.writerow(rows[0])
    print(name, n, repr(out.getvalue()))

out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
w.writerow(["a,b", 'q"x', "back\\slash", "nl\nx"])
print(repr(out.getvalue()))
for bad in [["a,b"], [""]]:
    try:
        csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(bad)
    except csv.Error as e:
        print("csv.Error:", e)

out = io.StringIO()
w = csv.writer(out, doublequote=False, escapechar="!", lineterminator="\n")
w.writerow(['say "hi"', "bang!", "x"])
print(repr(out.getvalue()))
try:
    csv.writer(io.StringIO(), doublequote=False).writerow(['"'])
except csv.Error as e:
    print("csv.Error:", e)

out = io.StringIO()
csv.writer(out, delimiter=" ", skipinitialspace=True, lineterminator="\n").writerow(["", "a", "b c"])
print(repr(out.getvalue()))
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow([""])
w.writerow([None])
w.writerow([])
print(repr(out.getvalue()))
for q in (csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL):
    try:
        csv.writer(io.StringIO(), quoting=q).writerow([None])
    except csv.Error as e:
        print("csv.Error:", e)

text = 'a,"b,c",,"",1.5\r\n"x ""y""", z ,3,"4",\r\n'
for q in [csv.QUOTE_MINIMAL, csv.QUOTE_NOTNULL, csv.QUOTE_STRINGS, csv.QUOTE_NONE]:
    try:
        print(q, list(csv.reader(io.StringIO(text, newline=""), quoting=q)))
    except ValueError as e:
        print(q, "ValueError:", e)
print(list(csv.reader(['1,"2",,3'], quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(["1,x"], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError:", e)
print(list(csv.reader(["a\\,b,c\\\\d,e\\"], escapechar="\\")))
print(list(csv.reader(['"a\\"b",c'], escapechar="\\", doublequote=False)))
print(list(csv.reader(['"a"b,c'])), list(csv.reader(['  x,  "y"'], skipinitialspace=True)))
print(list(csv.reader(["a;b", "c;d"], delimiter=";")), list(csv.reader(["'a;b';c"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a,b\r\n", "\r\n", "c\n"])))
print(list(csv.reader(['a,"multi\n', 'line",b\n', "c\n"])))
for lines, kw in [(['a,"b"c'], {"strict": True}), (['a,"b'], {"strict": True}), (["a\rb"], {}), ([b"x"], {})]:
    try:
        print(list(csv.reader(lines, **kw)))
    except csv.Error as e:
        print("csv.Error:", e)
print(list(csv.reader(['a,"b'])))
r = csv.reader(["a", "b,c", "", "d"])
for row in r:
    print(r.line_num, row)
old = csv.field_size_limit(4)
try:
    list(csv.reader(["abcde"]))
except csv.Error as e:
    print("csv.Error:", e)
print(old, csv.field_size_limit(old), csv.field_size_limit())
