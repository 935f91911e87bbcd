# Text wrapping and full justification, plus centered banners and a table formatter.
TEXT = ("Python is an interpreted, high-level, general-purpose programming language. "
        "Its design philosophy emphasizes code readability with the use of significant "
        "indentation. Its language constructs as well as its object-oriented approach aim "
        "to help programmers write clear, logical code for small and large-scale projects.")

def wrap(text, width):
    lines, line = [], []
    length = 0
    for word in text.split():
        if line and length + 1 + len(word) > width:
            lines.append(line)
            line, length = [], 0
        if line:
            length += 1
        line.append(word)
        length += len(word)
    if line:
        lines.append(line)
    return lines

def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]

for width in (30, 45):
    print("+" + "-" * width + "+")
    lines = wrap(TEXT, width)
    for i, words in enumerate(lines):
        body = justify(words, width) if i < len(lines) - 1 else " ".join(words).ljust(width)
        print("|" + body + "|")
    print("+" + "-" * width + "+")

def banner(msg, width=40, fill="*"):
    return "\n".join([fill * width, f"{msg:^{width}}", fill * width])
print(banner("REPORT"))
print(banner("odd", 9, "="))

def table(rows, headers):
    cols = list(zip(headers, *rows))
    widths = [max(len(str(v)) for v in col) for col in cols]
    def fmt(row):
        return " | ".join(str(v).rjust(w) if isinstance(v, (int, float)) else str(v).ljust(w) for v, w in zip(row, widths))
    sep = "-+-".join("-" * w for w in widths)
    return "\n".join([fmt(headers), sep] + [fmt(r) for r in rows])

print(table([("apples", 3, 1.25), ("kiwis", 12, 0.5), ("watermelon", 1, 3.75)], ("item", "qty", "price")))
long_word = "supercalifragilisticexpialidocious is long"
print([" ".join(w) for w in wrap(long_word, 10)])
