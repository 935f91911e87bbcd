# bench-group: effects
# Effect-heavy workload: 200,000 prints of one character each (a newline after
# every 64), so that nearly all the time goes to effects (each print is one
# sys.stdout.write effect) while the expected output stays small (~200 KB).
# Measures the per-effect cost of recording and replaying, and the log's bytes
# per effect.
# Stresses: print with end=, the effects boundary.

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def main(n):
    total = 0
    for i in range(n):
        v = (i * 7919) % len(ALPHABET)
        total += v
        if i % 64 == 63:
            print(ALPHABET[v])
        else:
            print(ALPHABET[v], end="")
    print()
    print("checksum:", total)


main(200000)
