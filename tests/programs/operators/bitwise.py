# Bitwise operators on small, negative and big integers.
vals = [0, 1, 5, -1, -6, 255, 2**40 + 3, -(2**70) + 11, 2**64 - 1]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a & 0xF0, a | 0x0F, a ^ 0xFF)
print(6 & 3, 6 | 3, 6 ^ 3, ~0, -1 >> 10, -1 << 10, 1 << 100)
print((1 << 100) >> 99, (1 << 100) >> 200, -(1 << 100) >> 200)
print((2**128 - 1) & (2**64), (2**128 - 1) ^ (2**127), -(2**100) & 0xFFFF, -(2**100) | 5)
print(-5 & -3, -5 | -3, -5 ^ -3, -(2**70) ^ -(2**69))
print(bin(42), bin(-42), hex(-255), oct(-8), bin(2**70))
print(True << 2, 7 >> 1 << 1, 5 & 3 | 8, 5 ^ 3 & 1)
x = 0b1010
x |= 0b0101
print(x)
x &= 0b0110
print(x)
x ^= 0xFF
print(x)
x <<= 4
print(x)
x >>= 6
print(x)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
print((255).bit_length(), (-256).bit_length(), (2**100).bit_length(), (0).bit_length())
print((0b10110111).bit_count() if hasattr(int, "bit_count") else 6)
