# Float repr: shortest round-trip representation, exponents, specials.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0,
        1e-5, 1e-4, 0.0001, 0.00001, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.5e-8,
        3.14159, 100.0, 1e100, -1e-100, 12345.6789, 0.5, 1.25, 1e300 * 1e300,
        -(1e300 * 1e300), 2.0**53, 2.0**53 + 1, 9007199254740993.0, 1.1 * 3, 4.35, 0.3]
for v in vals:
    print(repr(v), str(v))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf - inf, inf * 0)
print(nan == nan, nan != nan, inf == inf, inf > 1e308)
print(-0.0 == 0.0, str(-0.0))
print(1e16, 1e+16, 1E5, 1.5e3, .5, 5., 1_000.000_1)
print(float(10**20), float(2**70), float(-3))
print(7.0 / 2, 7 / 2, 6 / 3, 1 / 7)
print(round(2.675, 2), 0.1 * 3, 0.7 + 0.1, 1.0 - 0.9)
print(3.0 * 1.1, 100 * 1.1, 1e-7, 1e-6, 123e-10)
print([1.0, 2.5, -0.0], (0.1,), {"x": 1e20})
