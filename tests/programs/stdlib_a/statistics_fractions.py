from fractions import Fraction
import statistics as st
import math

a = Fraction(3, 4)
b = Fraction('2/3')
print(a, b, repr(a), a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, abs(-a), +a)
print(a + 1, 1 + a, a * 2, 2 / a, a + 0.5, 0.5 + a, a ** 2, a ** -2, 2 ** Fraction(1, 2), Fraction(4) ** Fraction(1, 2))
print(Fraction(-6, 4), Fraction(6, -4), Fraction(0, 5), Fraction(5), Fraction(1.5), Fraction(0.1), Fraction('  -1.25e2 '))
print(Fraction('3.1415'), Fraction('.5'), Fraction('7/8'), Fraction('1_000/3'), Fraction(Fraction(1, 3), Fraction(2, 5)))
print(Fraction(0.1).limit_denominator(10), Fraction(math.pi).limit_denominator(1000), Fraction(3, 7).limit_denominator(100))
print(Fraction(1, 3) == Fraction(2, 6), Fraction(1, 2) == 0.5, Fraction(2, 1) == 2, Fraction(1, 3) < 0.34, Fraction(1, 3) > Fraction(1, 4))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(1, 3)), hash(Fraction(-7, 5)))
print(int(Fraction(-7, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
print(float(Fraction(1, 3)), bool(Fraction(0)), a.numerator, a.denominator, a.as_integer_ratio(), Fraction.from_float(0.25), sorted([Fraction(1, 2), Fraction(1, 3), 0.4]))
print(sum(Fraction(1, n) for n in range(1, 11)), Fraction(1, 3) + Fraction(1, 6) == Fraction(1, 2), str(Fraction(4, 2)))
for f in [lambda: Fraction(1, 0), lambda: Fraction('abc'), lambda: Fraction('7 / 8'), lambda: Fraction('1__0'), lambda: Fraction('1/0'), lambda: Fraction(1.5, 2),
          lambda: Fraction(float('nan')), lambda: Fraction(float('inf')), lambda: a / 0, lambda: Fraction(0) ** -1,
          lambda: a.limit_denominator(0), lambda: Fraction([1])]:
    try:
        print(f())
    except (ValueError, ZeroDivisionError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([Fraction(1, 2), Fraction(1, 3)]), st.mean([1, 2.5]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 2, 1]), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red', 'green']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.variance([Fraction(1, 4), Fraction(5, 4)]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.variance(data, st.mean(data)), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 11), n=5, method='inclusive'))
for f in [lambda: st.mean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.stdev([1]), lambda: st.variance([]),
          lambda: st.pstdev([]), lambda: st.pvariance([]), lambda: st.fmean([]), lambda: st.harmonic_mean([-1, 2]),
          lambda: st.mean(['a']), lambda: st.geometric_mean([])]:
    try:
        print(f())
    except (st.StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError))

scores = {'ann': [88, 92, 79, 93], 'bob': [75, 80, 85, 70], 'cid': [95, 90, 93, 97]}
for name, s in scores.items():
    print(f"{name}: mean={st.mean(s)} median={st.median(s)} stdev={st.stdev(s):.3f}")
