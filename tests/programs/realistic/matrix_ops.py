# Matrix operations on nested lists: multiply, transpose, power, identity, pretty print.
def shape(m):
    return len(m), len(m[0]) if m else 0

def transpose(m):
    return [list(row) for row in zip(*m)]

def matmul(a, b):
    (n, k), (k2, p) = shape(a), shape(b)
    if k != k2:
        raise ValueError(f"shape mismatch {shape(a)} x {shape(b)}")
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def matpow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result

def show(m, title):
    print(title)
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("  [" + " ".join(str(v).rjust(width) for v in row) + "]")

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(a, "A")
show(transpose(a), "A^T")
show(matmul(a, b), "A x B")
show(matmul(b, a), "B x A")
try:
    matmul(a, a)
except ValueError as e:
    print("ValueError:", e)
fib = [[1, 1], [1, 0]]
for n in (1, 10, 50, 90):
    print("fib", n, matpow(fib, n)[0][1])
show(matpow([[2, 0], [0, 3]], 10), "diag^10")
rot = [[0, -1], [1, 0]]
print([matpow(rot, k) for k in range(5)])
def trace(m):
    return sum(m[i][i] for i in range(len(m)))
m3 = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print("trace", trace(m3), "trace of square", trace(matmul(m3, m3)))
f = [[0.5, 0.25], [0.125, 1.0]]
show(matmul(f, f), "float product")
print(transpose([[1], [2], [3]]), matmul([[1, 2]], [[3], [4]]))
