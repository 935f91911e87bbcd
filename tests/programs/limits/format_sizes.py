# Widths and precisions in format(), f-strings, str.format and %-formatting: float
# precisions past 65535 work (up to CPython's limit of 2**31 - 1), and results too
# large to build raise CPython's errors at once.


def attempt(label, f):
    try:
        r = f()
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", len(r), repr(r[:24]), repr(r[-12:]))


# Large float precisions.
attempt("%.65536f", lambda: "%.65536f" % 1.0)
attempt("%.70000e", lambda: "%.70000e" % 1.0)
attempt("%#.70000g", lambda: "%#.70000g" % 1.0)
attempt(".70000e", lambda: format(1.0, ".70000e"))
attempt(".70000g", lambda: format(1.0, ".70000g"))
attempt("2.5 .70000g", lambda: format(2.5, ".70000g"))
attempt("1e22 .70000g", lambda: format(1e22, ".70000g"))
attempt("1/3 .70000g", lambda: format(1.0 / 3, ".70000g"))
attempt("1e-300 .70000g", lambda: format(1e-300, ".70000g"))
attempt("0.1 #.70000g", lambda: format(0.1, "#.70000g"))
attempt("0.0 #.70000g", lambda: format(0.0, "#.70000g"))
attempt("-0.0 .70000f", lambda: format(-0.0, ".70000f"))
attempt(".70000%", lambda: f"{2.5:.70000%}")
attempt("1e300 .70000f", lambda: format(1e300, ".70000f"))
attempt("5e-324 .1100f", lambda: format(5e-324, ".1100f"))
attempt("5e-324 .2000e", lambda: format(5e-324, ".2000e"))
attempt("123.456 .70000E", lambda: format(123.456, ".70000E"))
attempt(".70000n", lambda: format(12345.678, ".70000n"))
attempt(".70000 (no type)", lambda: format(1.5, ".70000"))
attempt("str.format nested", lambda: "{:.{}f}".format(1.0, 70000))
attempt("inf .70000f", lambda: format(float("inf"), ".70000f"))
attempt("nan .70000e", lambda: format(float("nan"), "+.70000e"))
attempt("0.1 .800g", lambda: format(0.1, ".800g"))

# Too big.
attempt("precision 2**31", lambda: format(1.0, ".2147483648f"))
attempt("% precision 2**31", lambda: "%.2147483648f" % 1.0)
attempt("% width 20 digits", lambda: "%99999999999999999999d" % 1)
attempt("% precision 11 digits", lambda: "%.99999999999d" % 1)
attempt("% precision 3e9", lambda: "%.3000000000d" % 1)
attempt("% int precision 2**31-1", lambda: "%.*d" % (2**31 - 1, 1))
attempt("spec width 2**63", lambda: format(1, "9223372036854775808"))
attempt("spec precision 20 digits", lambda: format(1.5, "99999999999999999999.1"))
attempt("str precision 20 digits", lambda: format("a", ".99999999999999999999"))
attempt("str.format width 20 digits", lambda: "{:99999999999999999999}".format(1))
attempt("f-string width 2**63", lambda: f"{1:{2**63}}")
attempt("width 2**63-1", lambda: format(1, "9223372036854775807"))
attempt("f-string width 10**12", lambda: f"{1:{10**12}}")
attempt("float width 10**12", lambda: format(1.0, "1000000000000"))
attempt("str width 10**12", lambda: format("x", "^1000000000000"))
attempt("str.format width 10**12", lambda: "{:1000000000000}".format(1))
attempt("%*d 10**12", lambda: "%*d" % (10**12, 1))
attempt("%-*d 10**12", lambda: "%-*d" % (10**12, 1))
attempt("%*d -10**12", lambda: "%*d" % (-10**12, 1))
attempt("%1000000000000d", lambda: "%1000000000000d" % 1)
attempt("%*d 2**63", lambda: "%*d" % (2**63, 1))
attempt("%*d -2**63-1", lambda: "%*d" % (-2**63 - 1, 1))
attempt("%.*f 2**63", lambda: "%.*f" % (2**63, 1.0))
attempt("%.*f -2**31-1", lambda: "%.*f" % (-2**31 - 1, 1.0))
attempt("%*d float", lambda: "%*d" % (1.5, 1))
attempt("%.*d float", lambda: "%.*d" % (1.5, 1))
attempt("invalid spec", lambda: format(1, ",10000000000d"))
attempt("invalid spec str", lambda: format("a", "abc"))
attempt("missing precision", lambda: format(1.5, "."))

# Ordinary widths and stars.
attempt("%.*d", lambda: "%.*d" % (5, 1))
attempt("%.*f -1", lambda: "%.*f" % (-1, 1.0))
attempt("%*d -5", lambda: "%*d" % (-5, 1))
attempt("%*.*f", lambda: "%*.*f" % (8, 2, 3.14159))
attempt("%-*s", lambda: "%-*s|" % (6, "ab"))
attempt("%.*s", lambda: "%.*s" % (2, "abcdef"))
attempt("%*d True", lambda: "%*d" % (True, 7))
attempt("%.3x", lambda: "%.3x" % 5)
attempt("%#.5x", lambda: "%#.5x" % 255)
attempt("%#8.5x", lambda: "%#8.5x" % 255)
attempt("%-#8.5X", lambda: "%-#8.5X|" % 255)
attempt("%.3o", lambda: "%.3o" % 5)
attempt("%#.4o", lambda: "%#.4o" % 8)
attempt("%08.3d", lambda: "%08.3d" % -5)
attempt("%+.3d", lambda: "%+.3d" % 5)
attempt("%.0d", lambda: "%.0d" % 0)
attempt("%#o 0", lambda: "%#o" % 0)
attempt("%x -255", lambda: "%x" % -255)
attempt("%#.3x -1", lambda: "%#.3x" % -1)
attempt("%05x -3", lambda: "%05x" % -3)
attempt("%#08x", lambda: "%#08x" % 255)
attempt("%.3d -12", lambda: "%.3d" % -12)
attempt("%d float", lambda: "%d" % 3.99)
attempt("%d big float", lambda: "%d" % 1e30)
attempt("%d inf", lambda: "%d" % float("inf"))
attempt("%d nan", lambda: "%d" % float("nan"))
attempt("%x float", lambda: "%x" % 3.5)
attempt("%i big", lambda: "%i" % 10**30)

# Zero padding through grouping separators.
for v, spec in [(0x1234, "010_x"), (1234, "010,"), (1234, "09,"), (-1234, "010,"),
                (0x1234, "#012_x"), (5, "020,"), (5, "01,"), (123456789, "0,"),
                (0b1011, "015_b"), (8, "09_o"), (-5, "+013,d"), (1234567, "012_")]:
    print(spec, repr(format(v, spec)))
