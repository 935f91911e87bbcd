# Effects, exceptions caught and uncaught, calls: for `revpy timeline`.
import time


def parse(text):
    try:
        return int(text)
    except ValueError:
        return None


def read_all():
    values = []
    while True:
        line = input()
        if line == "end":
            break
        values.append(parse(line))
    return values


start = time.time()
print("reading")
vals = read_all()
print(vals, time.time() >= start)
data = [bytes(100) for _ in range(50)]
raise KeyError("done")
