# Complex literals, float forms and conversions.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate())
print(1j, -1j, 1j * 1j, (1 + 2j) * (3 - 1j), (1 + 2j) / (1 - 1j))
print(complex(2, 3), complex(0, 0), complex(1.5), repr(2j), repr(0j), repr(-0j + 1))
print((1 + 2j) + 1, (1 + 2j) - 2.5, 2 * (1 + 1j), (3 + 4j) == (3 + 4j), 1j ** 2)
print(type(z).__name__, z != 3, (2 + 0j) == 2)
print(1.5e3, 15e-1, 0e0, 1_0.0_1, 0.000_1)
print(float("1e5"), float("-inf"), float("  2.5  "), float("1_000.5"), float("nan"))
print(int(3.99), int(-3.99), int("  42  "), int("-0"), int("1_000"))
print(int("ff", 16), int("0xff", 16), int("0b101", 0), int("777", 8), int("z", 36), int("0o17", 0))
print(float(2**53), int(1e18), int(1.5e20))
print(0.1 + 0.7, 0.1 * 0.1, 2.0 ** 0.5, 10 ** -2, 2 ** -1)
