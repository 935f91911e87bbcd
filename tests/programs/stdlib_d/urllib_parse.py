from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag,
                          urlencode, parse_qs, parse_qsl, quote, quote_plus, unquote,
                          unquote_plus, quote_from_bytes, unquote_to_bytes)
import urllib.parse

u = urlparse("https://user:pw@www.Example.com:8080/path/to;params?q=1&r=two#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params,
      u.query, u.fragment)
print(u.geturl(), u._replace(fragment="").geturl())
print(urlsplit("//host/p?x#y"), urlsplit("mailto:someone@x.org"), urlsplit("/rel/path"))
print(urlunparse(("http", "h.org", "/a", "", "k=v", "f")), urlunsplit(("ftp", "h", "/x", "", "")))
base = "http://a/b/c/d;p?q"
for ref in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "../g", "../../g", "../../../g", ""]:
    print(repr(ref), urljoin(base, ref))
print(urldefrag("http://x/y#z"), urldefrag("http://x/y"))
print(urlencode({"q": "a b&c", "n": 1, "e": "é"}), urlencode([("k", [1, 2])], doseq=True))
print(parse_qs("a=1&a=2&b=&c=x%20y+z"), parse_qs("b=", keep_blank_values=True))
print(parse_qsl("a=1;b=2&c", keep_blank_values=True, separator="&"))
print(quote("/a b/ü?&"), quote("/a b", safe=""), quote_plus("a b+c/d"), quote(b"\x00\xff"))
print(unquote("%2Fa%20b%C3%BC"), unquote_plus("a+b%2B"), unquote("%zz%"), quote_from_bytes(b"a b"))
print(unquote_to_bytes("a%20%FF"), unquote("caf%E9", encoding="latin-1"))
print(urlparse(b"http://h/p?q").hostname, urlparse(b"http://h/p").decode().netloc)
print(urlsplit("http://[::1]:80/x").hostname, urlsplit("http://[::1]:80/x").port)
for bad in ["http://[::1/x", "http://h:99999/", "http://h:abc/", "http://[1.2.3.4]/"]:
    try:
        r = urlsplit(bad)
        print(r.port)
    except ValueError as e:
        print("ValueError:", e)
print(urllib.parse.uses_relative[:3], urllib.parse.SplitResult("a", "b", "c", "d", "e").geturl())
