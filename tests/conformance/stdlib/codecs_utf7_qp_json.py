# Pins: the utf-7 codec (encoding, decoding, error positions, incremental decoding), binascii quoted-printable and uu, and json string scanning errors.
import codecs
tests = ["bücher.de€", "a+b-c", "Hi Mom -☺-!", "日本語", "\U0001f600x", "~\\", "a\x00b", "+", "A≢Α."]
for t in tests:
    e = t.encode('utf-7'); print(repr(t), e, e.decode('utf-7') == t)
for b in [b"+AGEAYgBj-", b"+AGE", b"a+", b"+!", b"\xffa", b"+ZeVnLIqe-x", b"+2D3eAA-", b"+AGEA", b"+AGB-"]:
    for err in ['strict', 'replace']:
        try: print(b, err, repr(b.decode('utf-7', err)))
        except Exception as e: print(b, err, repr(e))
d = codecs.getincrementaldecoder('utf-7')()
print([d.decode(bytes([c])) for c in b"a+AGEAYg-b"], d.decode(b"", True))
import binascii, quopri
cases = [b"a=b \xff", b"hello world\n", b"line with trailing space \nnext\t\n", b"x"*100, b"." , b".\n", b"a\r\nb \r\n", b"tab\there", b"_ under_score", b"\x00\x01", "=41=4".encode()]
for c in cases:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(c, **kw)
        print(c[:20], kw, e, binascii.a2b_qp(e, header=kw.get('header', False)))
for d in [b"", b"a", b"uu data", bytes(range(45))]:
    e = binascii.b2a_uu(d); print(e, binascii.a2b_uu(e), binascii.b2a_uu(d, backtick=True))
print(binascii.a2b_qp(b"a=\r\nb=3"), binascii.a2b_qp("x_y=2", header=True))
try: binascii.a2b_uu(b"!!!x")
except binascii.Error as e: print(e)
import json
for s in ['"abc"', '"a\\u00e9\\ud83d\\ude00b"', '"\\x"', '"abc', '"a\\', '"\\u12"', '"\\u12zz"', '"a\x01b"', '"\\ud800"', '"\\ud800\\u0041"', '["a", "b\\n"]']:
    try: print(repr(json.loads(s)))
    except json.JSONDecodeError as e: print(e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"a\x01"', strict=False))
from json.decoder import scanstring
print(scanstring('"xy"', 1))
try: scanstring('"xy"', 9)
except ValueError as e: print(e)
