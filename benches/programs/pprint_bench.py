# bench-group: stdlib
"""pprint.pformat and pprint.saferepr of large nested data, as pyperformance's pprint
benchmark (pformat of a long list of tuples holding str, tuple, list and dict),
with width and sort_dicts variants. Prints the output sizes and a checksum."""
import pprint
import zlib


def checksum(text):
    return zlib.crc32(text.encode())


def main(n):
    printable = [('string', (1, 2), [3, 4], {5: 6, 7: 8})] * n
    s1 = pprint.pformat(printable)
    s2 = pprint.saferepr(printable)
    nested = {"k%03d" % i: {"vals": list(range(i % 17)), "name": "item %d" % i,
                            "meta": {"z": i, "a": (i, str(i)), "m": None}} for i in range(n // 20)}
    s3 = pprint.pformat(nested, width=60)
    s4 = pprint.pformat(nested, sort_dicts=False, compact=True)
    s5 = pprint.pformat(list(nested.values())[:200], depth=2)
    for s in (s1, s2, s3, s4, s5):
        print(len(s), s.count("\n"), checksum(s))
    print(s3[:200])
    print("checksum:", checksum(s1 + s2 + s3 + s4 + s5))


main(40000)
