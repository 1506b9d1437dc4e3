# Pins: csv dialect objects: validation messages, register/get/list/unregister, class dialects, Dialect attributes, reader/writer dialect and DictReader/DictWriter options.
import csv, io, _csv

def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

for kw in [dict(delimiter=None), dict(delimiter="ab"), dict(delimiter=1), dict(delimiter=""),
           dict(quotechar=1), dict(quotechar="ab"), dict(escapechar="ab"), dict(quoting=1.0),
           dict(quoting=9), dict(quoting=-1), dict(lineterminator=1), dict(lineterminator=None),
           dict(quotechar=None, quoting=csv.QUOTE_MINIMAL), dict(delimiter="\n"), dict(delimiter="\r"),
           dict(escapechar=" ", skipinitialspace=True), dict(quotechar=" ", skipinitialspace=True),
           dict(delimiter=";", lineterminator=";"), dict(quotechar="\n"), dict(delimiter=";", escapechar=";"),
           dict(delimiter=";", quotechar=";"), dict(quotechar="x", escapechar="x"), dict(foo=1)]:
    t(sorted(kw), lambda: _csv.Dialect(**kw))

d = _csv.Dialect(delimiter=";", strict=1, doublequote=0, escapechar="\\", skipinitialspace="yes")
print(d.delimiter, d.quotechar, d.escapechar, d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting, d.strict)
d2 = _csv.Dialect(quotechar=None)
print(d2.quotechar, d2.quoting, _csv.Dialect(d) is d, _csv.Dialect(d, delimiter=",").delimiter)
print(_csv.Dialect("excel-tab").delimiter == "\t", type(d).__name__, type(d).__module__)

class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL

csv.register_dialect("semi", Semi)
csv.register_dialect("semi2", "semi", delimiter=":")
csv.register_dialect("kw", delimiter="!", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
for name in ["semi", "semi2", "kw", "excel", "excel-tab", "unix"]:
    dd = csv.get_dialect(name)
    print(name, repr(dd.delimiter), repr(dd.quotechar), dd.quoting, repr(dd.lineterminator), dd.doublequote, dd.skipinitialspace, dd.strict)
out = io.StringIO()
w = csv.writer(out, "semi")
print(w.writerow(["a;b", "it's", 3]), repr(out.getvalue()), w.dialect.delimiter)
out = io.StringIO()
csv.writer(out, dialect=Semi, delimiter="|").writerow(["a|b", "c"])
csv.writer(out, Semi()).writerow(["x", "y"])
csv.writer(out, "kw").writerows([[1, 2], ["3"]])
print(repr(out.getvalue()))
print(list(csv.reader(["a;'b;c'"], "semi")), csv.reader([], "semi2").dialect.delimiter)
csv.unregister_dialect("semi2")
t("unregister again", lambda: csv.unregister_dialect("semi2"))
t("get missing", lambda: csv.get_dialect("semi2"))
t("reader missing", lambda: csv.reader([], "nope"))
t("register int", lambda: csv.register_dialect(1))
t("register none", lambda: csv.register_dialect())
t("register bad", lambda: csv.register_dialect("bad", delimiter=""))
t("reader none", lambda: csv.reader())
t("reader 3", lambda: csv.reader([], "excel", 3))
t("writer none", lambda: csv.writer())
t("writer int", lambda: csv.writer(3))
t("writerow int", lambda: csv.writer(io.StringIO()).writerow(3))
t("reader type", lambda: _csv.Reader([]))
t("limit float", lambda: csv.field_size_limit(5.0))
t("limit 2", lambda: csv.field_size_limit(1, 2))

class Incomplete(csv.Dialect):
    delimiter = ","
t("incomplete", lambda: Incomplete())
t("base", lambda: csv.Dialect())
class Spacey(csv.excel):
    delimiter = " "
    skipinitialspace = True
    quotechar = " "
t("spacey", lambda: Spacey())
t("mro", lambda: [c.__name__ for c in csv.Error.__mro__])

out = io.StringIO()
dw = csv.DictWriter(out, ["a", "b"], extrasaction="ignore", dialect="unix")
dw.writeheader()
print(dw.writerow({"a": 1, "c": 9}))
dw.writerows([{"b": "x"}])
print(repr(out.getvalue()))
t("extrasaction", lambda: csv.DictWriter(io.StringIO(), ["a"], extrasaction="bad"))
t("extra key", lambda: csv.DictWriter(io.StringIO(), ["a"]).writerow({"a": 1, "c": 3}))
dr = csv.DictReader(io.StringIO("x;y\n1;2\n\n3\n"), delimiter=";", restval="R")
print([dict(r) for r in dr], dr.line_num, dr.fieldnames)
dr = csv.DictReader(["1,2,3"], fieldnames=["p", "q"])
print([dict(r) for r in dr])
for label, f in [("set delimiter", lambda: setattr(d, "delimiter", ",")), ("del quoting", lambda: delattr(d, "quoting")),
                 ("set strict", lambda: setattr(d, "strict", True)), ("set line_num", lambda: setattr(csv.reader([]), "line_num", 1)),
                 ("set writer dialect", lambda: setattr(csv.writer(io.StringIO()), "dialect", d))]:
    t(label, f)
