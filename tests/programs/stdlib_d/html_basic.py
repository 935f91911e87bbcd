import html
import html.entities
from html.parser import HTMLParser

print(html.escape('<a href="x?a=1&b=2">it\'s</a>'), html.escape("<&>", quote=False))
print(html.unescape("&lt;p&gt; caf&eacute; &amp;amp; &#x41;&#66; &copy;&nbsp;&notit; &bogus; &#0; &#x110000;"))
print(html.entities.name2codepoint["eacute"], html.entities.codepoint2name[169],
      html.entities.html5["gt;"], html.entities.entitydefs["amp"], len(html.entities.html5))


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs))

    def handle_data(self, data):
        if data.strip():
            self.events.append(("data", data.strip()))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("decl", decl))

    def handle_entityref(self, name):
        self.events.append(("entity", name))


p = Collector()
p.feed("""<!DOCTYPE html><html><head><title>T &amp; x</title></head>
<body class="main" id=b1><!-- note --><p>Hello <b>world</b><br/>
<a href='https://example.com/?q=1&amp;r=2' disabled>link</a>
<script>if (a < b) { x = "</p>"; }</script></body></html>""")
p.close()
for e in p.events:
    print(e)
links = []


class LinkParser(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag == "a":
            links.append(dict(attrs).get("href"))


lp = LinkParser(convert_charrefs=True)
lp.feed('<a href="/one">1</a><A HREF="/two">2</a><a name=x>')
print(links, lp.get_starttag_text())
