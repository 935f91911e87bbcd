# An org chart: tree building from records, recursive aggregation, path finding and printing.
RECORDS = [
    (1, "Grace", None, "CEO", 300),
    (2, "Alan", 1, "CTO", 250),
    (3, "Ada", 1, "CFO", 240),
    (4, "Linus", 2, "Eng Manager", 180),
    (5, "Guido", 4, "Engineer", 150),
    (6, "Barbara", 4, "Engineer", 155),
    (7, "Ken", 2, "Architect", 190),
    (8, "Dennis", 7, "Engineer", 160),
    (9, "Frances", 3, "Accountant", 120),
    (10, "Edsger", 4, "Intern", 60),
]

class Employee:
    def __init__(self, eid, name, title, salary):
        self.eid, self.name, self.title, self.salary = eid, name, title, salary
        self.reports = []
        self.manager = None

    def __repr__(self):
        return f"{self.name} ({self.title})"

    def walk(self, depth=0):
        yield depth, self
        for r in sorted(self.reports, key=lambda e: e.name):
            yield from r.walk(depth + 1)

    def team_cost(self):
        return self.salary + sum(r.team_cost() for r in self.reports)

    def headcount(self):
        return 1 + sum(r.headcount() for r in self.reports)

    def chain(self):
        e, out = self, []
        while e:
            out.append(e.name)
            e = e.manager
        return out

def build(records):
    people = {eid: Employee(eid, name, title, sal) for eid, name, _, title, sal in records}
    root = None
    for eid, _, mgr, _, _ in records:
        if mgr is None:
            root = people[eid]
        else:
            people[eid].manager = people[mgr]
            people[mgr].reports.append(people[eid])
    return root, people

root, people = build(RECORDS)
for depth, e in root.walk():
    print("    " * depth + f"- {e} ${e.salary}k")
for e in (root, people[2], people[4], people[9]):
    print(f"{e.name:8} headcount={e.headcount():2} cost={e.team_cost()}")
print(" <- ".join(people[10].chain()))
def common_manager(a, b):
    seen = set(a.chain())
    for name in b.chain():
        if name in seen:
            return name
print(common_manager(people[5], people[8]), common_manager(people[6], people[10]), common_manager(people[9], people[5]))
by_title = {}
for e in people.values():
    by_title.setdefault(e.title, []).append(e.name)
print(dict(sorted(by_title.items())))
depths = {e.name: d for d, e in root.walk()}
print(max(depths.items(), key=lambda kv: (kv[1], kv[0])), sum(depths.values()) / len(depths))
raise_pct = {"Engineer": 10, "Intern": 50}
for e in people.values():
    e.salary = e.salary * (100 + raise_pct.get(e.title, 3)) // 100
print([(e.name, e.salary) for e in sorted(people.values(), key=lambda e: -e.salary)][:5], root.team_cost())
