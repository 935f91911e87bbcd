# Several patterns over the same non-ASCII texts, alternating between texts:
# results must not depend on which pattern saw which text before.
import re

t1 = "naïve café résumé " * 40 + "end"
t2 = "Ünïcödé ñ " * 30 + "fin"
t3 = "plain ascii text " * 10

pats = [re.compile(p) for p in (r"\w+é\b", r"[éñ]", r"c\w+", r"(\w)(\w)\b", r"ü|Ü")]
for round_ in range(3):
    for t in (t1, t2, t1, t3, t2):
        out = []
        for p in pats:
            ms = p.findall(t)
            out.append(len(ms))
            m = p.search(t, 5)
            out.append(m.span() if m else None)
        print(round_, out)
print(re.sub(r"é", "E", t1)[:40])
print([m.group() for m in re.finditer(r"\bc\w+", t1)][:3])
