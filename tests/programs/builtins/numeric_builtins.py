# abs, round, pow, divmod, int(), float(), bool(), chr/ord, hex/oct/bin, format.
print(abs(-5), abs(5.5), abs(-0), abs(True), abs(-(2**100)))
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(2.675, 2))
print(round(3.14159, 3), round(1234.5678, -2), round(1255, -1), round(1265, -1), round(-1250, -2))
print(round(5), round(5.0), type(round(5.5)).__name__, type(round(5.5, 1)).__name__, round(0.125, 2), round(0.375, 2))
print(round(123456, -3), round(2**70 + 12345, -4), round(1e20), round(-7.49999))
print(pow(2, 8), pow(2, -2), pow(2.5, 2), pow(5, 3, 13), pow(-2, 3, 5), pow(7, -1, 11), pow(0, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-2**65, 3))
print(int("42"), int(" -17 "), int("1_000_000"), int("+5"), int("0"), int("ff", 16), int("FF", 16))
print(int("0x1f", 16), int("1f", base=16), int("0b1101", 2), int("0o755", 8), int("755", 8), int("z", 36))
print(int("10", 0), int("0x10", 0), int("0o10", 0), int("0b10", 0), int(12.9), int(-0.9), int(True))
print(int("123456789012345678901234567890"), int(b"42" if False else "42"), int(2**100))
for bad in ["abc", "", "1.5", "0x10", " ", "1 2", "--1", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
print(float("3.14"), float("-0"), float("1e5"), float("inf"), float("-Infinity"), float("nan"), float(" 1_0.5 "))
print(float(5), float("1E-3"), float(".5"), float("5."), float(True), float(2**60))
for bad in ["abc", "", "1.2.3", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(bool(), bool(0), bool(1), bool(-1), bool("False"), bool(None), bool([[]]))
print(chr(65), chr(97), chr(8364), chr(128512), ord("A"), ord("€"), ord("😀"), ord("\n"))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
print(hex(255), hex(-1), hex(0), oct(8), oct(-64), bin(10), bin(-3), bin(0), hex(2**64))
print(format(3.14159, ".2f"), format(42, "08b"), format(1234567, ","), format("hi", "*^8"), format(0.5, "%"))
print(format(255, "#x"), format(-7, "+d"), format(7, "+d"), format(1e6, "e"), format(1e6, ".2g"))
print(int.__name__, float.__name__, str(int), repr(float))
