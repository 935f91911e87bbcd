# Chains of `+` on constants are folded at compile time as CPython folds them, and
# leave alone what CPython leaves alone (errors happen at run time).

print("a" + "b" + "c" + "d")
print(b"x" + b"y" + b"z")
print((1,) + (2, 3) + () + (4,))
print(1 + 2 + 3 + 4.5)
print(1 + 2 + True)
print("x" * 3 + "y" + "z" * 2)
print(-1 + -2 + ~3)
print(((1, 2) + (3,)) + ((4,) + (5,)))
print("s" + "t" + ("u" + "v"))
x = 10
print(1 + 2 + x + 3 + 4)
print("a" + "b" + str(x) + "c" + "d")
print((0,) + (1,) * 3 + (2,))
print(len("ab" * 50 + "c" * 100 + "d"))
try:
    print("a" + "b" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print((1,) + (2,) + [3])
except TypeError as e:
    print("TypeError:", e)
try:
    print(b"a" + b"b" + "c")
except TypeError as e:
    print("TypeError:", e)
big = "ab" + "cd" + "ef" + "gh" + "ij" + "kl" + "mn" + "op" + "qr" + "st"
big2 = "ab" + "cd" + "ef" + "gh" + "ij" + "kl" + "mn" + "op" + "qr" + "st"
print(big, big is big2)
t = (1,) + (2,) + (3,)
print(t, len(t), sum(t))
