# Pins: urllib.parse: urlsplit/urlparse components (netloc, port, username, query, fragment), urlunsplit/urljoin relative resolution, quote/quote_plus/unquote with safe chars and unicode, urlencode with doseq, parse_qs/parse_qsl edge cases, port errors.
from urllib.parse import urlsplit, urlparse, urlunsplit, urljoin, quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl, urldefrag
u = urlsplit("https://user:pw@Example.COM:8443/a/b;p?q=1&r=two#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.query, u.fragment, u.geturl())
print(urlparse("http://h/p;params?x=1").params, urlsplit("//host/path"), urlsplit("mailto:a@b.c"), urlsplit("/rel/path?q"), urlsplit("[::1]") if False else urlsplit("http://[::1]:80/").hostname)
try:
    urlsplit("http://h:99999/").port
except ValueError as e:
    print("ValueError", e)
try:
    urlsplit("http://h:abc/").port
except ValueError as e:
    print("ValueError", e)
print(urlunsplit(("https", "h.com", "/p", "a=1", "f")), urlunsplit(u._replace(query="", fragment="")))
base = "http://a/b/c/d;p?q"
for rel in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "..", "../g", "../..", "../../../g", "g;x", "", "http://other/x", "./../g"]:
    print(repr(rel), urljoin(base, rel))
print(quote("a b/c?d=é&f"), quote("a b/c", safe=""), quote_plus("a b&c=d/e"), quote("~-_.!"), quote(b"\xff raw"), quote("/path with space/", safe="/"))
print(unquote("a%20b%2Fc%C3%A9"), unquote_plus("a+b%2Bc"), unquote("%zz%4"), unquote("%E9", encoding="latin-1"), unquote("%ff", errors="replace"))
print(urlencode({"q": "py thon", "n": 1, "e": "é"}), urlencode([("k", "v1"), ("k", "v2")]), urlencode({"l": [1, 2]}, doseq=True), urlencode({"l": [1, 2]}))
print(urlencode({"sp": "a b"}, quote_via=quote), urlencode({}))
print(parse_qs("a=1&b=2&a=3&empty=&flag"), parse_qs("a=1&empty=", keep_blank_values=True), parse_qsl("x=1;y=2", separator=";"), parse_qsl("q=a+b%20c"))
try:
    parse_qsl("bad", strict_parsing=True)
except ValueError as e:
    print("ValueError", e)
print(urldefrag("http://x/y#z"), urldefrag("http://x/y"), urlsplit("HTTP://X/").scheme, urlsplit("http://x/ path").path)
print(urlsplit("http://h/p?q#f")._asdict() if hasattr(urlsplit("http://h"), "_asdict") else "", urlparse("file:///etc/hosts").path)
