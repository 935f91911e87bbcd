# Student records: parsing, grading, sorting by multiple keys, statistics.
RAW = """\
id,name,year,math,physics,literature
17,Zoe Adams,2,88,92,71
4,Liam Brown,1,75,60,90
23,Mia Chen,3,95,98,85
8,Noah Davis,2,60,55,70
15,Emma Evans,1,88,79,94
42,Ava Fischer,3,72,88,60
11,Lucas Garcia,2,88,92,80
"""

def parse(text):
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    out = []
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        for k in ("id", "year", "math", "physics", "literature"):
            row[k] = int(row[k])
        row["first"], row["last"] = row["name"].split()
        out.append(row)
    return out

def average(r):
    return round((r["math"] + r["physics"] + r["literature"]) / 3, 2)

def letter(avg):
    for threshold, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= threshold:
            return grade
    return "F"

students = parse(RAW)
for s in students:
    s["avg"] = average(s)
    s["grade"] = letter(s["avg"])
print("by average desc, then last name:")
for s in sorted(students, key=lambda s: (-s["avg"], s["last"])):
    print(f"  {s['last']:<8} {s['first']:<6} {s['avg']:6.2f} {s['grade']}")
print("by year, then math desc, then id:")
for s in sorted(students, key=lambda s: (s["year"], -s["math"], s["id"])):
    print(f"  y{s['year']} {s['math']:3} #{s['id']:<3} {s['name']}")
by_year = {}
for s in students:
    by_year.setdefault(s["year"], []).append(s)
for year in sorted(by_year):
    group = by_year[year]
    best = max(group, key=lambda s: s["avg"])
    print(f"year {year}: n={len(group)} mean={sum(s['avg'] for s in group) / len(group):.3f} best={best['name']}")
subjects = ["math", "physics", "literature"]
for subj in subjects:
    scores = sorted(s[subj] for s in students)
    n = len(scores)
    median = scores[n // 2] if n % 2 else (scores[n // 2 - 1] + scores[n // 2]) / 2
    mean = sum(scores) / n
    var = sum((x - mean) ** 2 for x in scores) / n
    print(f"{subj:<10} min={scores[0]} max={scores[-1]} median={median} mean={mean:.2f} sd={var ** 0.5:.3f}")
grades = {}
for s in students:
    grades[s["grade"]] = grades.get(s["grade"], 0) + 1
print(dict(sorted(grades.items())))
top_math = [s["first"] for s in students if s["math"] == max(t["math"] for t in students)]
ties = sorted((s for s in students if s["math"] == 88), key=lambda s: s["id"])
print(top_math, [s["id"] for s in ties])
