# A small backtracking regex matcher supporting . * + ? ^ $ character classes and groups-free alternation.
def match_here(pat, text):
    if not pat:
        return True
    if pat == "$":
        return not text
    atom, rest = parse_atom(pat)
    if rest.startswith("*"):
        return match_repeat(atom, rest[1:], text, 0)
    if rest.startswith("+"):
        return match_repeat(atom, rest[1:], text, 1)
    if rest.startswith("?"):
        if text and matches_atom(atom, text[0]) and match_here(rest[1:], text[1:]):
            return True
        return match_here(rest[1:], text)
    if text and matches_atom(atom, text[0]):
        return match_here(rest, text[1:])
    return False

def parse_atom(pat):
    if pat[0] == "[":
        end = pat.index("]", 2 if pat[1:2] == "^" else 1)
        return pat[:end + 1], pat[end + 1:]
    if pat[0] == "\\":
        return pat[:2], pat[2:]
    return pat[0], pat[1:]

def matches_atom(atom, ch):
    if atom == ".":
        return True
    if atom.startswith("\\"):
        kind = atom[1]
        return {"d": ch.isdigit(), "w": ch.isalnum() or ch == "_", "s": ch.isspace()}.get(kind, ch == kind)
    if atom.startswith("["):
        body = atom[1:-1]
        negate = body.startswith("^")
        if negate:
            body = body[1:]
        ok = False
        i = 0
        while i < len(body):
            if i + 2 < len(body) and body[i + 1] == "-":
                ok = ok or body[i] <= ch <= body[i + 2]
                i += 3
            else:
                ok = ok or body[i] == ch
                i += 1
        return ok != negate
    return atom == ch

def match_repeat(atom, rest, text, minimum):
    count = 0
    while count < len(text) and matches_atom(atom, text[count]):
        count += 1
    for n in range(count, minimum - 1, -1):
        if match_here(rest, text[n:]):
            return True
    return False

def search(pat, text):
    for alt in pat.split("|"):
        if alt.startswith("^"):
            if match_here(alt[1:], text):
                return True
            continue
        for i in range(len(text) + 1):
            if match_here(alt, text[i:]):
                return True
    return False

tests = [
    ("abc", "xxabcxx"), ("^abc", "xxabc"), ("abc$", "xxabc"), ("a.c", "abc"), ("a.c", "ac"),
    ("ab*c", "ac"), ("ab*c", "abbbbc"), ("ab+c", "ac"), ("ab+c", "abbc"), ("colou?r", "color"),
    ("colou?r", "colour"), ("^\\d+$", "12345"), ("^\\d+$", "12a45"), ("[a-c]+x", "zzbcax"),
    ("[^0-9]+", "123"), ("^[A-Z][a-z]*$", "Hello"), ("^[A-Z][a-z]*$", "hello"), ("cat|dog", "hotdog"),
    ("^cat|^dog", "hotdog"), ("\\w+@\\w+\\.com", "mail bob@example.com now"), ("a*a*a*b", "aaaaaaaaaaaaaac"),
    ("^$", ""), ("x?y?z?$", "abc"), ("\\s\\d", "a 1"), ("[-+]?\\d+", "value: -42"),
]
for pat, text in tests:
    print(f"{pat!r:22} {text!r:28} {search(pat, text)}")
emails = ["ann@site.com", "bad@", "x_y@host.com", "@nouser.com", "two@@at.com"]
print([e for e in emails if search("^\\w+@\\w+\\.com$", e)])
