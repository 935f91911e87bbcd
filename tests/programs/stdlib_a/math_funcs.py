import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(10**20 + 12345), math.isqrt(0))
print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.9))
print(type(math.floor(2.0)).__name__, math.floor(10**30), math.floor(1e20))


class Half:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return "truncated"


h = Half()
print(math.floor(h), math.ceil(h), math.trunc(h))
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.perm(5), math.perm(5, 2), math.perm(3, 5))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 30), math.gcd(0, 0))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(3, 0), math.lcm(-4, 6))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 6), start=10))
print(math.prod([[1], 2, 3]) if False else math.prod(["ab", 3]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
# fsum is exact where sum() is not
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([]), math.fsum([math.inf, 1.0]))
print(math.fsum(i / 7 for i in range(100)))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000))
print(math.log(10**400), math.log2(2**1000), math.log10(10**500))
print(math.exp(1), math.exp(0), math.expm1(1e-10), math.log1p(1e-10))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(math.inf, 0), math.pow(0.0, 0.0), math.pow(-8, 1 / 3) if False else 0)
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.hypot(-5), math.hypot(1e200, 1e200))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]))
print(math.copysign(3, -0.0), math.fabs(-2), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(5, math.inf))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-0.1), math.ldexp(0.5, 4), math.ldexp(1, -1074))
print(math.modf(3.25), math.modf(-2.5), math.modf(math.inf))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(5, 2), math.remainder(-5, 2))
print(math.degrees(math.pi), math.radians(180))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.erf(0.5), math.erfc(0.5), math.erf(3), math.erfc(-1))
print(math.gamma(5), math.gamma(0.5), math.gamma(-1.5), math.gamma(10.3), math.gamma(171.5) if False else math.gamma(170))
print(math.lgamma(10), math.lgamma(0.5), math.lgamma(-2.5), math.lgamma(100.7), math.lgamma(1))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.ulp(1), math.ulp(1e300), math.ulp(0))
print(math.cbrt(27), math.exp2(10))

errors = [
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-5),
    lambda: math.log(10, 1),
    lambda: math.exp(1000),
    lambda: math.factorial(-1),
    lambda: math.factorial(2.5),
    lambda: math.isqrt(-4),
    lambda: math.comb(-1, 2),
    lambda: math.comb(5, -2),
    lambda: math.perm(4, -1),
    lambda: math.gcd(2.0, 4),
    lambda: math.sqrt("4"),
    lambda: math.floor(math.inf),
    lambda: math.floor(math.nan),
    lambda: math.trunc("x"),
    lambda: math.fsum([math.inf, -math.inf]),
    lambda: math.fsum([1e308, 1e308]),
    lambda: math.isclose(1, 2, rel_tol=-1),
    lambda: math.dist((1, 2), (1, 2, 3)),
    lambda: math.gamma(0),
    lambda: math.gamma(-2),
    lambda: math.lgamma(-1),
    lambda: math.pow(0, -1),
    lambda: math.pow(-1, 0.5),
    lambda: math.acos(2),
    lambda: math.fmod(math.inf, 2),
    lambda: math.ldexp(1.0, 5000),
    lambda: math.cosh(1000),
    lambda: math.atanh(1),
    lambda: math.sqrt(),
    lambda: math.pow(1),
]
for f in errors:
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
