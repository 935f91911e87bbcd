import json


def load(text):
    return json.loads(text)


def settings(texts):
    out = {}
    for t in texts:
        try:
            out.update(load(t))
        except ValueError:
            out.setdefault("bad", 0)
            out["bad"] += 1
    return out


def key(x):
    if x == 3:
        raise TypeError("no 3")
    return x


try:
    sorted([1, 3, 2], key=key)
except TypeError:
    pass
try:
    try:
        {}["k"]
    finally:
        pass
except KeyError:
    try:
        raise
    except LookupError as e:
        err = e
conf = settings(['{"a": 1}', "{oops", '{"b": 2}'])
print(conf)
print(conf["c"])
