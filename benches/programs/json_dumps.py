# bench-group: stdlib
"""json.dumps over pyperformance's json_dumps data (EMPTY, SIMPLE, NESTED, HUGE),
plus sort_keys, indent and ensure_ascii=False variants. Prints the lengths and a
checksum of every distinct output."""
import json
import zlib

EMPTY = ({}, 2000)
SIMPLE_DATA = {"key1": 0, "key2": True, "key3": "value", "key4": "foo", "key5": "string"}
SIMPLE = (SIMPLE_DATA, 1000)
NESTED_DATA = {"key1": 0, "key2": SIMPLE[0], "key3": "value", "key4": SIMPLE[0],
               "key5": SIMPLE[0], "key": "\u0105\u0107\u017c"}
NESTED = (NESTED_DATA, 1000)
HUGE = ([NESTED[0]] * 1000, 1)

CASES = ["EMPTY", "SIMPLE", "NESTED", "HUGE"]


def checksum(text):
    return zlib.crc32(text.encode())


def main(loops):
    cases = [globals()[name] for name in CASES]
    total = 0
    seen = {}
    for _ in range(loops):
        for obj, count in cases:
            for _ in range(count):
                s = json.dumps(obj)
                total += len(s)
            seen[len(s)] = s
    for obj, count in cases:
        for kw in ({"sort_keys": True}, {"indent": 2}, {"ensure_ascii": False},
                   {"separators": (",", ":")}):
            for _ in range(max(1, count // 20)):
                s = json.dumps(obj, **kw)
                total += len(s)
            seen[len(s)] = s
    for n in sorted(seen):
        print(n, checksum(seen[n]))
    print("checksum:", total)


main(80)
