# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 7), (-1, 7), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (5, 0.3), (-5, 0.3), (1e10, 3.0), (0.0, -1)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, -7 % 7, 7 % -7)
print(2**100 // -3, 2**100 % -3, -(2**100) // 3, -(2**100) % 3)
print(divmod(-(2**80), 2**40 + 1))
print(10 / 4, -10 / 4, 10 // 4.0, -10 // 4.0, 1 / 3 * 3)
print(5 - 8, -5 - -8, 3 * -4, -3 * -4)
print(7 % 3.5, -1 % 1e300, 3.0 % 1, -3.5 % 1)
