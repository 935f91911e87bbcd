# bench-group: stdlib
"""Regex-heavy benchmark (in the spirit of effbot's and V8's regexp benchmarks):
findall / finditer / sub / subn / split / search / match / fullmatch over long
generated texts, with literals, classes, alternations, groups, backreferences,
lookarounds, case-insensitive and multiline patterns, and callable replacements."""

import re

_state = [12345]


def rand(n):
    # A small LCG, so the text is the same under every interpreter.
    _state[0] = (_state[0] * 1103515245 + 12345) & 0x7FFFFFFF
    return _state[0] % n


WORDS = ("the quick brown fox jumps over lazy dog alpha beta gamma delta regex "
         "engine python match search pattern string value number token parser "
         "Berlin Paris London Tokyo naïve café résumé").split()


def make_text(lines):
    out = []
    for i in range(lines):
        kind = rand(6)
        words = " ".join(WORDS[rand(len(WORDS))] for _ in range(4 + rand(8)))
        if kind == 0:
            out.append("%s user%d@host%d.example.com %s" % (words, rand(1000), rand(50), words))
        elif kind == 1:
            out.append("%04d-%02d-%02d %02d:%02d %s" % (1990 + rand(35), 1 + rand(12), 1 + rand(28),
                                                        rand(24), rand(60), words))
        elif kind == 2:
            out.append("GET /api/v%d/items/%d?q=%s HTTP/1.1 %d" % (1 + rand(3), rand(100000),
                                                                  WORDS[rand(len(WORDS))],
                                                                  200 + 100 * rand(4)))
        elif kind == 3:
            out.append("<p class=\"c%d\">%s <b>%s</b></p>" % (rand(9), words, WORDS[rand(len(WORDS))]))
        elif kind == 4:
            out.append("%s, %s; %s: %d.%d%%" % (words, words.upper(), words.title(), rand(100), rand(10)))
        else:
            out.append("%s %s %s" % (words, words, words))
    return "\n".join(out)


def main():
    text = make_text(12000)
    ascii_text = text.encode("ascii", "replace").decode("ascii")
    data = ascii_text.encode()
    print("text", len(text), "ascii", len(ascii_text))

    for rounds in range(2):
        results = []
        results.append(len(re.findall(r"\w+", text)))
        results.append(len(re.findall(r"[\w.]+@[\w.]+\.com", text)))
        results.append(len(re.findall(r"(\d{4})-(\d\d)-(\d\d)", ascii_text)))
        results.append(sum(int(m.group(1)) + len(m.group(2))
                           for m in re.finditer(r"/items/(\d+)\?q=(\w+)", ascii_text)))
        results.append(len(re.findall(r"(?i)\b(?:fox|dog|paris|tokyo)\b", text)))
        results.append(len(re.sub(r"<[^>]+>", "", text)))
        results.append(re.subn(r"(\w+)@(\w+)", r"\2 at \1", text)[1])
        results.append(len(re.sub(r"\d+", lambda m: str(len(m.group())), ascii_text)))
        results.append(len(re.split(r"[\s,;:]+", text)))
        results.append(len(re.split(r"\n", text)))
        results.append(len(re.findall(r"(?m)^GET (\S+)", ascii_text)))
        results.append(len(re.findall(r"\b(\w+) \1\b", text)))
        results.append(len(re.findall(r"\w+(?=ing\b)", text)))
        results.append(len(re.findall(r"(?<=\s)[A-Z]\w+", text)))
        results.append(re.search(r"zzz\d+", text) is None)
        results.append(re.search(r"[A-Z]{3}\d{3}", ascii_text) is None)
        results.append(len(re.findall(rb"HTTP/1\.[01]\" ?(\d+)|HTTP/1\.1 (\d+)", data)))
        results.append(len(re.sub(rb"\s+", b" ", data)))
        results.append(len(re.findall(r"[aeiouy]{2,}", text)))
        results.append(len(re.findall(r"é|ï", text)))
        lines = text.split("\n")
        date = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d) (?P<h>\d\d):(?P<mi>\d\d)")
        years = {}
        for line in lines:
            m = date.match(line)
            if m:
                y = m.group("y")
                years[y] = years.get(y, 0) + 1
        results.append(len(years))
        results.append(sum(1 for line in lines if re.fullmatch(r"[\w ]+", line)))
        results.append(sum(1 for line in lines if re.search(r"\d%$", line)))
        word = re.compile(r"[a-z]+")
        results.append(sum(len(word.findall(line)) for line in lines[:4000]))
        print(rounds, results)


main()
