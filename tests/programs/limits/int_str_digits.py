# CPython's limit on int <-> decimal str conversions (4300 digits by default):
# sys.get_int_max_str_digits / sys.set_int_max_str_digits / sys.flags.
import sys

print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
print(sys.flags.debug, sys.flags.optimize, sys.flags.dev_mode, sys.flags.safe_path)


def attempt(label, f):
    try:
        r = f()
    except (ValueError, TypeError, OverflowError) as e:
        print(label, "->", type(e).__name__, e)
    else:
        if isinstance(r, str):
            print(label, "->", "str", len(r), r[:12])
        else:
            print(label, "->", type(r).__name__, r % 1000003 if isinstance(r, int) else r)


attempt("str(10**4299)", lambda: str(10**4299))
attempt("str(10**4300)", lambda: str(10**4300))
attempt("str(-10**4299)", lambda: str(-10**4299))
attempt("str(-10**4300)", lambda: str(-10**4300))
attempt("repr(10**5000)", lambda: repr(10**5000))
attempt("str(2**14285)", lambda: str(2**14285))
attempt("str(2**14290)", lambda: str(2**14290))
attempt("str(1 << 100000)", lambda: str(1 << 100000))
attempt("f-string", lambda: f"{10**5000}")
attempt("%d", lambda: "%d" % 10**5000)
attempt("%s", lambda: "%s" % 10**5000)
attempt("format d", lambda: format(10**5000, "d"))
attempt("format ,", lambda: format(10**5000, ","))
attempt("print", lambda: print(10**5000))
attempt("str of list", lambda: str([10**5000]))
attempt("format x", lambda: format(10**5000, "x"))
attempt("hex", lambda: hex(10**5000))
attempt("%x", lambda: "%x" % 10**5000)
attempt("bin", lambda: bin(10**5000))
attempt("int('9' * 5000)", lambda: int("9" * 5000))
attempt("int('1' * 4300)", lambda: int("1" * 4300))
attempt("int('-' + '1' * 4300)", lambda: int("-" + "1" * 4300))
attempt("int('1' * 4301)", lambda: int("1" * 4301))
attempt("int('1_' * 4300 + '1')", lambda: int("1_" * 4300 + "1"))
attempt("int('0' * 5000)", lambda: int("0" * 5000))
attempt("int(' ' + '1' * 4301 + ' ')", lambda: int(" " + "1" * 4301 + " "))
attempt("int(b'1' * 5000)", lambda: int(b"1" * 5000))
attempt("int('1' * 5000, 10)", lambda: int("1" * 5000, 10))
attempt("int('1' * 5000, 7)", lambda: int("1" * 5000, 7))
attempt("int('1' * 5000, 36)", lambda: int("1" * 5000, 36))
attempt("int('1' * 5000, 0)", lambda: int("1" * 5000, 0))
attempt("int('1' * 5000, 16)", lambda: int("1" * 5000, 16))
attempt("int('1' * 5000, 8)", lambda: int("1" * 5000, 8))
attempt("int('1' * 5000, 2)", lambda: int("1" * 5000, 2))
attempt("int('0x' + 'f' * 5000, 0)", lambda: int("0x" + "f" * 5000, 0))
attempt("int('9' * 10**7)", lambda: int("9" * 10**7))

attempt("set 100", lambda: sys.set_int_max_str_digits(100))
attempt("set -1", lambda: sys.set_int_max_str_digits(-1))
attempt("set '1'", lambda: sys.set_int_max_str_digits("1"))
attempt("set 2**64", lambda: sys.set_int_max_str_digits(2**64))
attempt("set 2**31", lambda: sys.set_int_max_str_digits(2**31))
attempt("set maxdigits=640", lambda: sys.set_int_max_str_digits(maxdigits=640))
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
attempt("str(10**639)", lambda: str(10**639))
attempt("str(10**640)", lambda: str(10**640))
attempt("int('5' * 641)", lambda: int("5" * 641))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
attempt("unlimited str", lambda: str(10**20000))
attempt("unlimited int", lambda: int("7" * 20000))
sys.set_int_max_str_digits(5000)
attempt("str(10**4999)", lambda: str(10**4999))
attempt("str(10**5000)", lambda: str(10**5000))
attempt("int('3' * 5000)", lambda: int("3" * 5000))
attempt("int('3' * 5001)", lambda: int("3" * 5001))
