# Pins: html.escape/unescape (quote flag, named/numeric entities, invalid refs), HTMLParser event sequence (starttag attrs, endtag, data, comments, entities with convert_charrefs, startendtag, decl, pi), feed in chunks.
import html
from html.parser import HTMLParser
print(html.escape("<a href=\"x\">Tom & 'Jerry'</a>"), html.escape("<'\">", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &copy; &#169; &#xA9; &eacute; &notanentity; &#0; &#x110000; &nbsp;|&lt"), html.unescape("&amp"), html.unescape("no entities"))
class Collector(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []
    def handle_starttag(self, tag, attrs): self.events.append(("start", tag, attrs))
    def handle_endtag(self, tag): self.events.append(("end", tag))
    def handle_startendtag(self, tag, attrs): self.events.append(("startend", tag, attrs))
    def handle_data(self, data): self.events.append(("data", data))
    def handle_comment(self, data): self.events.append(("comment", data))
    def handle_decl(self, decl): self.events.append(("decl", decl))
    def handle_pi(self, data): self.events.append(("pi", data))
    def handle_entityref(self, name): self.events.append(("entity", name))
    def handle_charref(self, name): self.events.append(("charref", name))
doc = """<!DOCTYPE html><html><head><title>T &amp; C</title></head>
<body class="main" data-x='1' checked><p id=p1>Hello <b>world</b>&excl;</p><br/><img src="a.png" alt="A &quot;pic&quot;"/>
<!-- a comment --><?php echo 1 ?><script>if (a < b) {}</script></BODY></html>"""
p = Collector()
p.feed(doc); p.close()
for ev in p.events:
    print(ev)
p2 = Collector(convert_charrefs=False)
p2.feed("<p>a &amp; b &#65; &unknown; c</p>"); p2.close()
print(p2.events)
p3 = Collector()
for chunk in ["<di", "v cla", "ss='x'>te", "xt</d", "iv>"]:
    p3.feed(chunk)
p3.close()
print(p3.events)
class LinkFinder(HTMLParser):
    def __init__(self):
        super().__init__(); self.links = []
    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
lf = LinkFinder()
lf.feed('<a href="/one">1</a> <A HREF="/two">2</A> <a name="anchor">x</a>')
print(lf.links)
p4 = Collector()
p4.feed("<p>unclosed <b>tags")
p4.close()
print(p4.events, p4.get_starttag_text())
