# bench-group: stdlib
"""Regular expressions in the style of pyperformance's regex_effbot (Fredrik Lundh's
benchmark of the re engine): a table of patterns (alternations, groups, greedy
.*, backreferences, repeated classes) searched in strings of growing size, as str
and as bytes. Prints the spans found and a checksum."""
import re


def gen_regex_table(b):
    pats = ['Python|Perl', 'Python|Perl', '(Python|Perl)', '(?:Python|Perl)', 'Python',
            'Python', '.*Python', '.*Python.*', '.*(Python)', '.*(?:Python)',
            'Python|Perl|Tcl', 'Python|Perl|Tcl', '(Python|Perl|Tcl)', '(?:Python|Perl|Tcl)',
            '(Python)\\1', '(Python)\\1', '([0a-z][a-z0-9]*,)+', '(?:[0a-z][a-z0-9]*,)+',
            '([a-z][a-z0-9]*,)+', '(?:[a-z][a-z0-9]*,)+', '.*P.*y.*t.*h.*o.*n.*']
    return [re.compile(p.encode("latin1") if b else p) for p in pats]


def gen_string_table(n, b):
    words = ['Perl', 'Perl', 'Perl', 'Perl', 'Python', 'Python', 'Python', 'Python',
             'Python', 'Python', 'Perl', 'Perl', 'Perl', 'Perl', 'PythonPython',
             'PythonPython', 'a5,b7,c9,', 'a5,b7,c9,', 'a5,b7,c9,', 'a5,b7,c9,', 'Python']
    out = []
    for i, w in enumerate(words):
        fill = 'P' if i in (1, 5, 11, 15) else '-'
        s = fill * n + w + fill * n
        out.append(s.encode("latin1") if b else s)
    return out


def init_benchmarks(b, n_values=(0, 5, 50, 250, 1000, 5000, 10000)):
    regexs = gen_regex_table(b)
    data = []
    for n in n_values:
        strings = gen_string_table(n, b)
        for i, regex in enumerate(regexs):
            data.append((regex, strings[i]))
    return data


def main(loops):
    checksum = 0
    for b in (False, True):
        data = init_benchmarks(b)
        spans = []
        for _ in range(loops):
            for regex, string in data:
                m = regex.search(string)
                if m is not None:
                    checksum = (checksum * 31 + m.end() - m.start() + len(m.groups())) % 1000000007
        for regex, string in data[-21:]:
            m = regex.search(string)
            spans.append(m.span() if m else None)
        print("bytes" if b else "str", spans)
    # the module-level functions (pattern cache) and a few other calls
    text = "-" * 200 + "Python Perl Tcl a5,b7,c9," + "-" * 200
    for _ in range(loops * 20):
        checksum = (checksum + len(re.findall(r"P\w+|T\w+", text))
                    + len(re.split(r"[ ,]", text)) + len(re.sub(r"(P)(\w+)", r"\2\1", text))) % 1000000007
    print("checksum:", checksum)


main(200)
