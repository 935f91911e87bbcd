import argparse
import sys

p = argparse.ArgumentParser(prog="tool", description="Process some integers.",
                            epilog="That's all.")
p.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max,
               help="sum the integers (default: find the max)")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-o", "--output", default="out.txt", help="where to write")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True)
p.add_argument("--tag", action="append", default=[])

ns = p.parse_args(["1", "2", "3", "--sum", "-vv", "--tag", "a", "--tag=b", "--no-flag"])
print(ns)
print(ns.accumulate(ns.integers), ns.verbose, ns.output, ns.mode, ns.flag, ns.tag)
print(vars(p.parse_args(["7", "9"])))
print(p.format_usage())
print(p.format_help())

ns, rest = p.parse_known_args(["5", "--unknown", "x"])
print(ns.integers, rest)

# Errors go to stderr and raise SystemExit(2).
for argv in [[], ["x"], ["1", "--mode", "medium"], ["1", "--bogus"]]:
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)

# Subcommands.
main = argparse.ArgumentParser(prog="git")
sub = main.add_subparsers(dest="cmd", required=True)
c = sub.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
pu = sub.add_parser("push")
pu.add_argument("remote", nargs="?", default="origin")
print(main.parse_args(["commit", "-m", "msg", "--amend"]))
print(main.parse_args(["push"]))
print(main.format_help())

# Mutually exclusive groups, argument groups, defaults.
g = argparse.ArgumentParser(prog="g", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
grp = g.add_mutually_exclusive_group()
grp.add_argument("--quiet", action="store_true", help="say less")
grp.add_argument("--loud", action="store_true", help="say more")
opts = g.add_argument_group("tuning", "knobs to turn")
opts.add_argument("--level", type=float, default=0.5, help="the level")
g.set_defaults(func="handler")
print(g.parse_args(["--loud", "--level", "2.5"]))
print(g.format_help())
try:
    g.parse_args(["--quiet", "--loud"])
except SystemExit as e:
    print("exit", e.code)

# type errors and custom types
def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % s)
    return v
t = argparse.ArgumentParser(prog="t", exit_on_error=False)
t.add_argument("n", type=positive)
print(t.parse_args(["4"]).n)
try:
    t.parse_args(["-3"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
try:
    t.parse_args(["zero"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e)

n = argparse.Namespace(a=1, b=2)
print(n, n == argparse.Namespace(b=2, a=1), "a" in n)
r = argparse.ArgumentParser(prog="r", formatter_class=argparse.RawTextHelpFormatter,
                            description="line one\n  line two")
r.add_argument("--x", nargs=2, metavar=("A", "B"), help="two\nlines")
r.add_argument("rest", nargs=argparse.REMAINDER)
print(r.parse_args(["--x", "1", "2", "a", "-b", "c"]))
print(r.format_help())
sys.stdout.flush()
p.parse_args(["--help"])
print("not reached")
