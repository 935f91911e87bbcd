# bench-group: pure
# Spectral norm, after the Computer Language Benchmarks Game.
# Stresses: function calls in tight loops, integer and float arithmetic,
# generator expressions with sum(), list comprehensions, zip.


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_A_times_u(u):
    n = len(u)
    return [sum(eval_A(i, j) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def eval_At_times_u(u):
    n = len(u)
    result = []
    for i in range(n):
        partial = 0.0
        for j in range(n):
            partial += eval_A(j, i) * u[j]
        result.append(partial)
    return result


def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    result = (vBv / vv) ** 0.5
    print(f"{result:.9f}")
    print(f"checksum: {sum(u):.6f} {sum(v):.6f}")


main(450)
