# str methods whose result size comes from an argument: widths, tab sizes, joins
# and replacements too large to build raise CPython's errors at once.


def attempt(label, f):
    try:
        r = f()
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, len(r), repr(r)[:40])


attempt("ljust(10**12)", lambda: "a".ljust(10**12))
attempt("rjust(2**62)", lambda: "a".rjust(2**62))
attempt("center(10**12)", lambda: "a".center(10**12, "*"))
attempt("zfill(10**12)", lambda: "-1".zfill(10**12))
attempt("ljust(2**64)", lambda: "a".ljust(2**64))
attempt("center(2**63)", lambda: "a".center(2**63))
attempt("zfill(-2**64)", lambda: "a".zfill(-2**64))
attempt("ljust('x')", lambda: "a".ljust("x"))
attempt("expandtabs(10**12)", lambda: "\t".expandtabs(10**12))
attempt("expandtabs(2**31)", lambda: "x\ty".expandtabs(2**31))
attempt("join of 1 TB", lambda: ",".join(["a" * 10**6] * 10**6))
attempt("replace to 1 TB", lambda: ("a" * 10**6).replace("a", "a" * 10**6))
attempt("replace '' to 1 TB", lambda: ("a" * 10**6).replace("", "x" * 10**6))
attempt("replace count to 1 TB", lambda: ("a" * 10**6).replace("a", "b" * 10**6, 10**6))

# Within the limits they work as before.
attempt("ljust", lambda: "ab".ljust(6, "."))
attempt("rjust", lambda: "ab".rjust(6))
attempt("center odd", lambda: "ab".center(7, "*"))
attempt("center even", lambda: "abc".center(6))
attempt("center width 1", lambda: "abc".center(1))
attempt("zfill sign", lambda: "-5".zfill(6))
attempt("zfill plus", lambda: "+5".zfill(4))
attempt("zfill wide", lambda: "é".zfill(5))
attempt("expandtabs 4", lambda: "a\tbc\td".expandtabs(4))
attempt("expandtabs -3", lambda: "a\tb".expandtabs(-3))
attempt("expandtabs lines", lambda: "ab\tc\nd\te".expandtabs(3))
attempt("join", lambda: "-".join(["a", "bc", "", "d"]))
attempt("join gen", lambda: "".join(str(i) for i in range(12)))
attempt("join bad", lambda: ",".join(["a", 1]))
attempt("replace", lambda: "aaa".replace("a", "bb", 2))
attempt("replace empty", lambda: "abc".replace("", "-"))
attempt("replace shrink", lambda: "abcabc".replace("abc", ""))

# The same for bytes and bytearray.
attempt("bytes ljust(10**12)", lambda: b"a".ljust(10**12))
attempt("bytes rjust(10**12)", lambda: b"a".rjust(10**12))
attempt("bytes center(10**12)", lambda: b"a".center(10**12))
attempt("bytes zfill(10**12)", lambda: b"a".zfill(10**12))
attempt("bytearray ljust(10**12)", lambda: bytearray(b"a").ljust(10**12))
attempt("bytes ljust(2**64)", lambda: b"a".ljust(2**64))
attempt("bytes expandtabs(10**12)", lambda: b"\t".expandtabs(10**12))
attempt("bytes join of 1 TB", lambda: b",".join([b"a" * 10**6] * 10**6))
attempt("bytes replace to 1 TB", lambda: (b"a" * 10**6).replace(b"a", b"a" * 10**6))
attempt("bytearray extend 1 TB", lambda: bytearray().extend(bytes(10**12)))
attempt("bytes ljust", lambda: b"ab".ljust(5, b"."))
attempt("bytes center", lambda: b"ab".center(7, b"*"))
attempt("bytes zfill", lambda: b"-5".zfill(4))
attempt("bytes expandtabs", lambda: b"a\tb".expandtabs(4))
attempt("bytes join", lambda: b"-".join([b"a", bytearray(b"bc"), b""]))
attempt("bytes replace overlapping", lambda: b"aaaa".replace(b"aa", b"xyz"))
attempt("bytes replace empty", lambda: b"ab".replace(b"", b"-"))
attempt("bytes replace count", lambda: b"aaa".replace(b"a", b"bb", 2))
