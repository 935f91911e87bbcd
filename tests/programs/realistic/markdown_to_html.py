# A mini Markdown-to-HTML converter: headers, emphasis, code, lists, links, paragraphs, escaping.
def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def inline(text):
    text = escape(text)
    out = []
    i = 0
    while i < len(text):
        if text.startswith("**", i):
            end = text.find("**", i + 2)
            if end != -1:
                out.append("<strong>" + inline_plain(text[i + 2:end]) + "</strong>")
                i = end + 2
                continue
        if text[i] in "*_":
            end = text.find(text[i], i + 1)
            if end != -1:
                out.append("<em>" + text[i + 1:end] + "</em>")
                i = end + 1
                continue
        if text[i] == "`":
            end = text.find("`", i + 1)
            if end != -1:
                out.append("<code>" + text[i + 1:end] + "</code>")
                i = end + 1
                continue
        if text[i] == "[":
            close = text.find("](", i)
            end = text.find(")", close)
            if close != -1 and end != -1:
                out.append(f'<a href="{text[close + 2:end]}">{text[i + 1:close]}</a>')
                i = end + 1
                continue
        out.append(text[i])
        i += 1
    return "".join(out)

def inline_plain(t):
    return t

def convert(md):
    html = []
    para = []
    list_type = None
    in_code = False
    def flush_para():
        if para:
            html.append("<p>" + inline(" ".join(para)) + "</p>")
            para.clear()
    def close_list():
        nonlocal list_type
        if list_type:
            html.append(f"</{list_type}>")
            list_type = None
    for line in md.splitlines():
        if line.startswith("```"):
            flush_para()
            close_list()
            html.append("</pre>" if in_code else "<pre>")
            in_code = not in_code
            continue
        if in_code:
            html.append(escape(line))
            continue
        stripped = line.strip()
        if not stripped:
            flush_para()
            close_list()
            continue
        if stripped.startswith("#"):
            flush_para()
            close_list()
            level = len(stripped) - len(stripped.lstrip("#"))
            html.append(f"<h{level}>{inline(stripped[level:].strip())}</h{level}>")
            continue
        kind = "ul" if stripped[:2] in ("- ", "* ") else "ol" if stripped.split(".")[0].isdigit() and ". " in stripped else None
        if kind:
            flush_para()
            if list_type != kind:
                close_list()
                html.append(f"<{kind}>")
                list_type = kind
            item = stripped[2:] if kind == "ul" else stripped.split(". ", 1)[1]
            html.append(f"  <li>{inline(item)}</li>")
            continue
        close_list()
        para.append(stripped)
    flush_para()
    close_list()
    return "\n".join(html)

DOC = """# revpy *notes*

This is **bold**, this is _italic_ and this is `code <tag>`.
A [link](http://example.com) & more text
on two lines.

## Lists
- first item
- second with **bold**
* third

1. one
2. two
10. ten

```
def f(x):
    return x < 3 and x > 1
```
Final paragraph with an unclosed *star.
"""
print(convert(DOC))
