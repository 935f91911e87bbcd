def parse(text):
    parts = text.split(",")
    return [int(p) for p in parts]


def load(rows):
    out = []
    for r in rows:
        out.append(parse(r))
    return out


rows = ["1,2", "3,4", "5,x"]
print(load(rows))
