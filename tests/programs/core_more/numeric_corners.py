# Numeric corner cases: big ints, divmod with negative floats, round() ties,
# float formatting, int() parsing with bases and underscores.

big = 2 ** 200
print(big, big // 3 ** 50, big % 1000007, -big // 7, -big % 7)
print((big + 1) * (big - 1) == big * big - 1, big.bit_length(), (-big).bit_length())
print(divmod(big, -12345678901234567890), divmod(-big, 12345678901234567890))
print(pow(3, 200, 10 ** 9 + 7), pow(-3, 3), pow(2, -2), pow(7, -1, 13), pow(-7, 2, 5))
print(10 ** 30 // 10 ** 29, 10 ** 30 / 10 ** 29, -(10 ** 20) // 3, (10 ** 20) % -3)
print(int("1" * 40) * int("9" * 40), hex(big), oct(2 ** 70), bin(-(2 ** 65)))
print(abs(-big) == big, -big < -big + 1 < 0 < big, max(big, 1.0e60), min(-big, -1e61))
print(big == float(big), float(2 ** 53 + 1) == 2 ** 53 + 1, 2 ** 1000 > 1e300, hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 64)))

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.5), (0.0, -3), (-0.0, 3)]:
    print(f"divmod({a}, {b}) = {divmod(a, b)}  {a} // {b} = {a // b}  {a} % {b} = {a % b}")
print(5 % float("inf"), -5 % float("inf"), -5.0 // float("inf"), 1e308 * 10, -1e308 * 10)

print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5)])
print([round(x, 1) for x in (0.05, 0.15, 0.25, 0.35, 2.675, -0.25)], round(2.675, 2), round(1234.5678, -2))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12550, -2), round(7, 0), type(round(7.0)), type(round(7.0, 0)))
print(round(1e20), round(0.1 + 0.2, 15), round(float("1e-320"), 320) if False else round(5e-324, 5))

for x in [0.0, -0.0, 1.0, 1.5, 100.0, 1e16, 1.234e-5, 123456789.123, 1e22, 2 ** 0.5, 1 / 3, 5e-324, 1.7976931348623157e308]:
    print(repr(x), str(x), f"{x:g}", f"{x:.3e}", f"{x:.2%}" if x < 1e300 else "-")
print(float("  -1.5e3 "), float("inf"), float("-Infinity"), float("nan") != float("nan"), float("1_000.5"), float(".5"), float("5."))
print(0.1 + 0.2, 1.1 * 3, 1e-10 + 1, 3 * 1.1 == 3.3, (0.1).as_integer_ratio(), (2.5).is_integer(), float.fromhex("0x1.8p1"), (1.5).hex())

print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("1_000_000"), int("z", 36), int(" 42 "), int("-0"), int("+7"))
print(int("1_0", 0), int("0_7", 8) if False else int("0_7", 8), int("00", 0), int(3.99), int(-3.99), int(True), int("٣"))
for bad in ["1__0", "_1", "1_", "0x", "12a", "", " ", "1.5", "0b2", "08"]:
    try:
        print(int(bad, 0 if bad in ("08", "0x", "0b2") else 10))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** -1, (-8) ** (1 / 3) if False else abs(-8) ** (1 / 3), 0 ** 0, 0.0 ** 0)
print(int.from_bytes(b"\xff\xfe", "little", signed=True), (1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True))
print((255).bit_count() if hasattr(int, "bit_count") else 8, (10).__index__(), (-5).__abs__(), (3).conjugate(), True + True, ~5, -(-5), +(-5))
print(1 < 2.5 < 3, 2 == 2.0, 2 ** 63 == 2.0 ** 63, 2 ** 64 > 1.8e19, 10 ** 400 > float("inf") - 1, complex(1, 2) * 1j, abs(3 + 4j))
