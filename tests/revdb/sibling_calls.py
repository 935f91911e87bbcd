def f(n):
    if n < 2:
        return n
    return f(n - 1) + f(n - 2)


def g(k):
    return k + 1


x = f(3)
y = g(1) + g(2)
print(x, y)
