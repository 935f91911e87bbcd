class AppError(Exception):
    pass


class BadRow(AppError, ValueError):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise BadRow("bad row: " + text)


def total(rows):
    s = 0
    for r in rows:
        try:
            s += parse(r)
        except AppError as e:
            print("skipped", e)
    return s


d = {"a": 1}
try:
    d["b"]
except KeyError:
    pass
print(total(["1", "x", "3", "y"]))
print(d.get("c", 0) + total(["4"]))
raise RuntimeError("the end")
