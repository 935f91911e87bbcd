# A tiny SQL-like query engine over lists of dicts: select, where, order by, group by, join, limit.
EMPLOYEES = [
    {"id": 1, "name": "Ann", "dept": 10, "salary": 5200, "age": 34},
    {"id": 2, "name": "Bob", "dept": 20, "salary": 4100, "age": 45},
    {"id": 3, "name": "Cid", "dept": 10, "salary": 6100, "age": 29},
    {"id": 4, "name": "Dot", "dept": 30, "salary": 3900, "age": 52},
    {"id": 5, "name": "Eve", "dept": 20, "salary": 4800, "age": 38},
    {"id": 6, "name": "Fay", "dept": 10, "salary": 5200, "age": 41},
    {"id": 7, "name": "Gus", "dept": None, "salary": 3000, "age": 23},
]
DEPTS = [{"dept": 10, "dname": "Engineering"}, {"dept": 20, "dname": "Sales"}, {"dept": 30, "dname": "Support"},
         {"dept": 40, "dname": "Legal"}]

class Query:
    def __init__(self, rows):
        self.rows = list(rows)

    def where(self, pred):
        return Query(r for r in self.rows if pred(r))

    def select(self, *cols, **computed):
        out = []
        for r in self.rows:
            row = {c: r[c] for c in cols}
            row.update({k: f(r) for k, f in computed.items()})
            out.append(row)
        return Query(out)

    def order_by(self, *keys):
        rows = self.rows[:]
        for key in reversed(keys):
            desc = key.startswith("-")
            col = key.lstrip("-")
            rows.sort(key=lambda r: (r[col] is None, r[col] if r[col] is not None else 0), reverse=desc)
        return Query(rows)

    def group_by(self, col, **aggs):
        groups = {}
        for r in self.rows:
            groups.setdefault(r[col], []).append(r)
        return Query({col: k, **{name: f(g) for name, f in aggs.items()}} for k, g in groups.items())

    def join(self, other, on, how="inner"):
        index = {}
        for r in other:
            index.setdefault(r[on], []).append(r)
        out = []
        for r in self.rows:
            matches = index.get(r[on], [])
            if matches:
                out.extend({**r, **m} for m in matches)
            elif how == "left":
                out.append({**r, **{k: None for k in other[0] if k != on}})
        return Query(out)

    def limit(self, n):
        return Query(self.rows[:n])

    def show(self, title):
        print(f"-- {title} ({len(self.rows)} rows)")
        if not self.rows:
            return
        cols = list(self.rows[0])
        widths = {c: max(len(c), *(len(str(r[c])) for r in self.rows)) for c in cols}
        print(" ".join(c.ljust(widths[c]) for c in cols))
        for r in self.rows:
            print(" ".join(str(r[c]).ljust(widths[c]) for c in cols))

q = Query(EMPLOYEES)
q.where(lambda r: r["salary"] > 4500).select("name", "salary").order_by("-salary", "name").show("high earners")
q.order_by("dept", "-age").select("name", "dept", "age").show("by dept, oldest first")
q.group_by("dept", n=len, total=lambda g: sum(r["salary"] for r in g),
           avg_age=lambda g: round(sum(r["age"] for r in g) / len(g), 1)).order_by("-total").show("per department")
q.join(DEPTS, "dept").select("name", "dname").order_by("dname", "name").show("inner join")
q.join(DEPTS, "dept", how="left").where(lambda r: r["dname"] is None).select("name", "dname").show("left join, no dept")
q.select("name", band=lambda r: "senior" if r["age"] >= 40 else "junior", monthly=lambda r: round(r["salary"] / 12, 2)).limit(4).show("computed")
q.where(lambda r: r["name"].startswith("Z")).show("empty result")
