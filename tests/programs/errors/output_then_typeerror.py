# Prints a lot to stdout, then fails with a TypeError deep inside a method.
class Report:
    def __init__(self, rows):
        self.rows = rows

    def line(self, row):
        return row["name"] + ": " + row["score"]

    def render(self):
        for row in self.rows:
            print(self.line(row))

for i in range(5):
    print("row", i, i * i)
Report([{"name": "a", "score": "10"}, {"name": "b", "score": 20}]).render()
