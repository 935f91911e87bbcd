# watch NAME on a local: an earlier call of the same function at the same depth
# is not the watched frame.
def f(n):
    acc = n * 10
    acc += 1
    return acc


a = f(1) + f(2)
print(a)
