# Fraction from a Decimal (exact) and Fraction.from_decimal, with their errors.
from fractions import Fraction
from decimal import Decimal
print(Fraction(Decimal("1.5")), Fraction(Decimal("-0.125")), Fraction.from_decimal(Decimal("2.25")), Fraction.from_decimal(3))
for bad in (lambda: Fraction(Decimal("nan")), lambda: Fraction(Decimal("inf")), lambda: Fraction.from_decimal(1.5)):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
