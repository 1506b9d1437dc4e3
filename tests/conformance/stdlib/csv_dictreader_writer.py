# Pins: csv DictReader/DictWriter (fieldnames, restkey/restval, extrasaction), quoting modes, quotechar escaping, embedded newlines, lineterminator, Sniffer, has_header, errors.
import csv, io
src = 'name,age,city\r\nAnn,30,"New York, NY"\r\nBob,25,"Say ""hi"""\r\n"Multi\nLine",1,X\r\nShort,2\r\nLong,3,Y,extra1,extra2\r\n'
r = csv.DictReader(io.StringIO(src, newline=""))
print(r.fieldnames)
for row in r:
    print(row)
r = csv.DictReader(io.StringIO("a,b\n1\n1,2,3\n"), restkey="REST", restval="?")
print(list(r), r.line_num)
r = csv.DictReader(io.StringIO("1,2\n3,4\n"), fieldnames=["x", "y"])
print([dict(d) for d in r])
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["id", "note"])
w.writeheader()
w.writerow({"id": 1, "note": "plain"})
w.writerow({"id": 2, "note": 'has "quotes", commas'})
w.writerows([{"id": 3}, {"note": "line\nbreak", "id": 4}])
print(repr(out.getvalue()))
try:
    w.writerow({"id": 5, "bad": 1})
except ValueError as e:
    print("ValueError", e)
w2 = csv.DictWriter(io.StringIO(), fieldnames=["a"], extrasaction="ignore")
w2.writerow({"a": 1, "b": 2})
try:
    csv.DictWriter(io.StringIO(), ["a"], extrasaction="bogus")
except ValueError as e:
    print("ValueError", e)
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL):
    o = io.StringIO()
    try:
        csv.writer(o, quoting=q, escapechar="\\").writerow(["a", 1, 2.5, None, "b,c", ""])
        print(q, repr(o.getvalue()))
    except csv.Error as e:
        print(q, "csv.Error", e)
print(list(csv.reader(io.StringIO('1,"a",2.5\n'), quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(io.StringIO("x,1\n"), quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError", e)
o = io.StringIO()
csv.writer(o, delimiter=";", quotechar="'", lineterminator="\n").writerows([["a;b", "it's"], [1, 2]])
print(repr(o.getvalue()))
print(list(csv.reader(["a;'b;c';d"], delimiter=";", quotechar="'")), list(csv.reader(['  a,  b'], skipinitialspace=True)))
print(list(csv.reader(['a,"b\\"c"'], escapechar="\\")), list(csv.reader(['a,"b""c"'], doublequote=True)))
try:
    list(csv.reader(['a,"unterminated'], strict=True))
except csv.Error as e:
    print("csv.Error", e)
sample = "id|name|score\n1|ann|3.5\n2|bob|4.0\n"
dialect = csv.Sniffer().sniff(sample)
print(dialect.delimiter, csv.Sniffer().has_header(sample), list(csv.reader(io.StringIO(sample), dialect))[1])
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(list(csv.reader(["x|y"], dialect="pipes")), "pipes" in csv.list_dialects(), csv.get_dialect("pipes").delimiter)
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("csv.Error", e)
try:
    csv.reader([], delimiter="ab")
except TypeError as e:
    print("TypeError", e)
print(csv.field_size_limit() > 0, list(csv.reader(["", "a"])), list(csv.reader(['""'])), list(csv.reader([","])))
