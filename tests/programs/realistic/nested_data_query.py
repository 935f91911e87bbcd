# Querying nested dict/list data with dotted paths and wildcards, plus flattening and diffing documents.
DOC = {
    "store": {
        "name": "Corner Shop",
        "books": [
            {"title": "Dune", "author": "Herbert", "price": 9.99, "tags": ["scifi", "classic"]},
            {"title": "Emma", "author": "Austen", "price": 4.5, "tags": ["romance"]},
            {"title": "Neuromancer", "author": "Gibson", "price": 12.0, "tags": ["scifi", "cyberpunk"]},
        ],
        "bicycle": {"color": "red", "price": 199.0},
    },
    "open": True,
}

def get(data, path):
    results = [data]
    for part in path.split("."):
        nxt = []
        for item in results:
            if part == "*":
                if isinstance(item, dict):
                    nxt.extend(item.values())
                elif isinstance(item, list):
                    nxt.extend(item)
            elif isinstance(item, list) and (part.isdigit() or part.startswith("-") and part[1:].isdigit()):
                idx = int(part)
                if -len(item) <= idx < len(item):
                    nxt.append(item[idx])
            elif isinstance(item, dict) and part in item:
                nxt.append(item[part])
        results = nxt
    return results

def flatten(data, prefix=""):
    out = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.update(flatten(v, f"{prefix}{i}."))
    else:
        out[prefix[:-1]] = data
    return out

def diff(a, b):
    fa, fb = flatten(a), flatten(b)
    changes = []
    for k in sorted(set(fa) | set(fb)):
        if k not in fa:
            changes.append(("+", k, fb[k]))
        elif k not in fb:
            changes.append(("-", k, fa[k]))
        elif fa[k] != fb[k]:
            changes.append(("~", k, (fa[k], fb[k])))
    return changes

for q in ["store.name", "store.books.*.title", "store.books.1.author", "store.books.-1.price", "store.*.price",
          "store.books.*.tags.0", "store.books.5", "nothing.here", "open", "store.bicycle.*"]:
    print(f"{q:24} -> {get(DOC, q)}")
prices = get(DOC, "store.books.*.price")
print("total", round(sum(prices), 2), "cheapest", min(prices), "scifi", [b["title"] for b in get(DOC, "store.books.*") if "scifi" in b["tags"]])
flat = flatten(DOC)
print(len(flat))
for k in list(flat)[:6]:
    print(" ", k, "=", flat[k])
new = {"store": {"name": "Corner Shop", "books": [{"title": "Dune", "author": "Herbert", "price": 8.99, "tags": ["scifi"]}],
                 "bicycle": {"color": "blue", "price": 199.0, "gears": 21}}, "open": False}
for change in diff(DOC, new):
    print(change)
