# The ** operator with ints, big ints, negative exponents and floats.
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2, (-2) ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** 0.5, 8 ** (1 / 3))
print(2.0 ** 10, 1.5 ** 2, (-8) ** 2.0, 0.5 ** -2)
print(3 ** 100)
print(7 ** 77 % 1000, len(str(9 ** 99)))
print(2 ** 2 ** 3, (2 ** 2) ** 3)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, 100, 1000007), pow(-3, 3, 7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, 0, 1))
print(10 ** 20, 10 ** 20 / 10 ** 10, 10 ** 21 // 10 ** 20)
print(1 ** 1000000, (-1) ** 1000001, 0 ** 5)
print(1.0000001 ** 1000000)
print(2 ** 0.5 * 2 ** 0.5)
x = 5
x **= 3
print(x)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError raised", type(e).__name__)
try:
    print(2 ** 10000 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
print(float(2 ** 1023), -(2.0 ** 1023))
