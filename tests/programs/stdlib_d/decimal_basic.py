import decimal
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN
from fractions import Fraction

D = Decimal
print(D("1.1") + D("2.2"), D("1.10") * 3, D(1) / D(7), D(10) // D(3), D(-7) % D(3))
print(repr(D("3.14")), D(0.1), D("1e3"), D("-0"), D("  12.5  "), D(" NaN"), D("-inf"))
print(D("2").sqrt(), D(2).exp(), D(10).ln(), D(1000).log10(), D(2) ** 10, D("1.5") ** 2)
print(D("7.325").quantize(D(".01"), rounding=ROUND_HALF_UP), D("7.325").quantize(D("1.")),
      D("1.23456789").quantize(D("0.0001"), rounding=ROUND_DOWN))
print(round(D("2.675"), 2), round(D("2.5")), round(D("3.5")), int(D("-3.9")), float(D("0.25")))
print(D("12.3400").normalize(), D("1.2E+3").to_eng_string(), D("123.456").as_tuple())
print(D("3.14").as_integer_ratio(), D.from_float(0.5), Fraction(*D("1.25").as_integer_ratio()))
print(D(1) < D(2), D("1.0") == D(1), D(1) == 1, D("0.5") == 0.5, D("0.5") < 1, max(D(1), D("1.5")))
print(hash(D(5)) == hash(5), hash(D("0.5")) == hash(0.5), hash(D("1.10")) == hash(D("1.1")))
print(sorted([D("3"), D("-1.5"), D("2.25")]), sum([D("0.1")] * 10), -D("5"), abs(D("-2.5")))
print(D("123.456").adjusted(), D("0.00").is_zero(), D("-1").is_signed(), D("NaN").is_nan())
print(D("1.234e5"), D("1.234e-10"), D("0.000001"), D("0.0000001"), D("1E+2").to_integral_value())
print(f"{D('1234.5678'):,.2f}", f"{D('0.5'):%}", f"{D('3.14159'):.3}", f"{D('42'):>8}|", format(D("1e5"), "e"))

ctx = getcontext()
print(ctx.prec, ctx.rounding, ctx.Emax, ctx.Emin, ctx.capitals)
print(ctx)
ctx.prec = 6
print(D(1) / D(3), D(2).sqrt())
with localcontext() as lc:
    lc.prec = 40
    print(D(1) / D(7))
print(D(1) / D(7))
with localcontext(prec=3, rounding=decimal.ROUND_CEILING):
    print(D("1.2345") + 0)
ctx.prec = 28

for expr in ["D(1) / 0", "D('abc')", "D(0) / 0", "D(-1).sqrt()"]:
    try:
        if expr == "D(1) / 0":
            D(1) / 0
        elif expr == "D('abc')":
            D("abc")
        elif expr == "D(0) / 0":
            D(0) / 0
        else:
            D(-1).sqrt()
    except decimal.DivisionByZero as e:
        print("DivisionByZero", type(e).__mro__[1].__name__)
    except decimal.InvalidOperation as e:
        print("InvalidOperation", isinstance(e, ArithmeticError))
ctx.traps[decimal.DivisionByZero] = False
print(D(1) / 0, D(-1) / 0, ctx.flags[decimal.DivisionByZero])
ctx.clear_flags()
ctx.traps[decimal.DivisionByZero] = True
try:
    D("1.5") + 1.5
except TypeError as e:
    print("TypeError:", str(e).replace("decimal.", ""))
print(D("1.5") + 1, 2 * D("1.5"), 1 - D("0.25"))
print(decimal.ExtendedContext.divide(D(1), D(0)), decimal.BasicContext.prec)
c = decimal.Context(prec=5, rounding=decimal.ROUND_HALF_EVEN)
print(c.add(D("1.00001"), D("2")), c.create_decimal("3.14159265"), c.power(2, 100))
print(D(2) ** D("0.5"), D(10) ** -2, D("1.1").fma(2, 3), D(17).remainder_near(5))
print(D("0.1") + D("0.2") == D("0.3"), 0.1 + 0.2 == 0.3)
print(D(123456789).scaleb(-4), D("1.5").copy_sign(D(-1)), D(5).compare(D(3)), D(7).max(D(8)))
print([str(D(x)) for x in [0, 1, -1, 10**30, 2**64]], D("1.20").__str__(), str(D("100E-2")))
c2 = decimal.Context()
c2.flags[decimal.Underflow] = True
c2.traps[decimal.Clamped] = True
print(c2, c2.traps[decimal.Clamped], c2.flags[decimal.Inexact])
