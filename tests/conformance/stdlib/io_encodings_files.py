# Pins: text files with explicit encodings (utf-8, utf-8-sig, latin-1, utf-16, cp1252), errors= handlers on read/write, BOM handling, UnicodeDecodeError messages.
import os, tempfile, codecs
td = tempfile.mkdtemp()
p = os.path.join(td, "enc.txt")
text = "Grüße, café — €5\n"
for enc in ("utf-8", "utf-8-sig", "latin-1", "utf-16", "utf-16-le", "utf-32", "cp1252"):
    try:
        with open(p, "w", encoding=enc) as f:
            f.write(text)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e)
        continue
    with open(p, "rb") as f:
        data = f.read()
    with open(p, encoding=enc) as f:
        back = f.read()
    print(f"{enc:10}", len(data), data[:6], back == text)
with open(p, "w", encoding="latin-1", errors="replace") as f:
    f.write("a€b—c")
with open(p, "rb") as f:
    print(f.read())
for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"):
    try:
        with open(p, "w", encoding="ascii", errors=errors) as f:
            f.write("naïve ☃")
        with open(p, "rb") as f:
            print(errors, f.read())
    except UnicodeEncodeError as e:
        print(errors, type(e).__name__, e.start, e.end, e.reason)
with open(p, "wb") as f:
    f.write(b"ok \xff\xfe bad \xc3")
for errors in ("ignore", "replace", "backslashreplace", "surrogateescape"):
    with open(p, encoding="utf-8", errors=errors) as f:
        print(errors, ascii(f.read()))
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(p, "wb") as f:
    f.write(codecs.BOM_UTF8 + "bom text".encode())
with open(p, encoding="utf-8") as f:
    print(ascii(f.read()))
with open(p, encoding="utf-8-sig") as f:
    print(ascii(f.read()))
with open(p, "w", encoding="utf-16") as f:
    f.write("ab")
with open(p, "rb") as f:
    raw = f.read()
print(raw in (codecs.BOM_UTF16_LE + b"a\x00b\x00", codecs.BOM_UTF16_BE + b"\x00a\x00b"), len(raw))
with open(p, "w", encoding="cp1252") as f:
    f.write("‘quotes’ and … €")
with open(p, "rb") as f:
    print(f.read())
try:
    open(p, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
with open(p, "w", encoding="UTF8") as f:
    print(f.encoding)
os.remove(p)
os.rmdir(td)
