# Prime sieve, factorisation, and number-theory helpers.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_prime) if p]

def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True

primes = sieve(200)
print(len(primes), primes[:15], primes[-5:])
print(len(sieve(10000)), sum(sieve(10000)))
for n in [360, 97, 1001, 2**10 * 3**5, 600851475143, 9999991, 123456789]:
    f = factorize(n)
    print(n, f, " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items()))
print(gcd(1071, 462), gcd(2**40, 6**20), gcd(17, 5), gcd(0, 9))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print(twins[:8])
goldbach = {n: next((p, n - p) for p in primes if n - p in set(primes)) for n in range(4, 40, 6)}
print(goldbach)
big = [2**61 - 1, 2**89 - 1, 2**64 + 1, 10**18 + 9, 10**18 + 7, 561, 1105]
print([(n, is_probable_prime(n)) for n in big])
print([n for n in range(1, 60) if sum(d for d in range(1, n) if n % d == 0) == n], "perfect")
