# Uncaught ZeroDivisionError inside a lambda called via map and list.
rates = [4, 2, 0, 1]
print(list(map(lambda r: 12 // r, rates[:2])))
print(list(map(lambda r: 12 // r, rates)))
