# Pins: urllib.parse (urlparse/urlsplit/urljoin/quote/unquote/urlencode/parse_qs), html escape/unescape and HTMLParser, ipaddress, graphlib, fractions-free misc.
from urllib.parse import urlparse, urlsplit, urlunparse, urljoin, quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl, urldefrag
u = urlparse("https://user:pw@example.com:8080/path/to;params?q=1&r=two#frag")
print(u, u.hostname, u.port, u.username, u.password, u.geturl())
print(urlsplit("http://[::1]:80/x"), urlsplit("http://[::1]:80/x").hostname, urlunparse(("http", "h", "/p", "", "a=1", "")))
for base, rel in [("http://a/b/c/d;p?q", "g"), ("http://a/b/c/d;p?q", "../g"), ("http://a/b/c/d;p?q", "//g"), ("http://a/b/c/d;p?q", "?y"), ("http://a/b/c/d;p?q", "#s"), ("http://a/b/", "/abs")]:
    print(rel, "->", urljoin(base, rel))
print(quote("a b/c?d=é"), quote("a b/c", safe=""), quote_plus("a b&c"), unquote("%C3%A9%20x"), unquote_plus("a+b%2Bc"), quote(b"\xff"))
print(urlencode({"a": 1, "b": "x y", "c": ["1", "2"]}), urlencode({"c": ["1", "2"]}, doseq=True), urlencode([("k", "v&")]))
print(parse_qs("a=1&a=2&b=&c=3", keep_blank_values=True), parse_qsl("x=1&y=%20z"), urldefrag("http://h/p#frag"))
import html
print(html.escape("<a href='x'>&\"</a>"), html.escape("<'>", quote=False), html.unescape("&lt;p&gt; &amp;amp; &#233; &#x41; &eacute; &nbsp;|"))
from html.parser import HTMLParser
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        print("start", tag, attrs)
    def handle_endtag(self, tag):
        print("end", tag)
    def handle_data(self, data):
        if data.strip():
            print("data", repr(data))
    def handle_comment(self, data):
        print("comment", repr(data))
P().feed("<div class='a' id=x><p>Hello &amp; bye</p><!-- note --><br/><img src=\"i.png\" alt></div>")
import ipaddress
net = ipaddress.ip_network("192.168.1.0/28")
print(net, net.num_addresses, net.netmask, net.broadcast_address, list(net.hosts())[:3], ipaddress.ip_address("192.168.1.5") in net)
print(ipaddress.ip_address("::1"), ipaddress.ip_address("10.0.0.1").is_private, ipaddress.ip_address("8.8.8.8").is_global, ipaddress.IPv6Address("2001:db8::1").exploded)
print(list(net.subnets(prefixlen_diff=2)), ipaddress.ip_interface("10.1.2.3/24").network, ipaddress.collapse_addresses([ipaddress.ip_network("10.0.0.0/25"), ipaddress.ip_network("10.0.0.128/25")]).__next__())
try:
    ipaddress.ip_address("300.1.1.1")
except ValueError as e:
    print("ValueError:", e)
import graphlib
ts = graphlib.TopologicalSorter({"d": {"b", "c"}, "b": {"a"}, "c": {"a"}})
order = list(ts.static_order())
print(order[0], order[-1], sorted(order[1:3]))
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print("CycleError:", e.args[0])
