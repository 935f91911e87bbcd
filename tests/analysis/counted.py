# Hand-counted: tests/analysis.rs checks these numbers against `revpy dis`.
def f(n):
    return n + 1


x = 0
for i in range(3):
    x = f(x)
