import argparse
import sys

p = argparse.ArgumentParser(description="Demo of %(prog)s", allow_abbrev=True)
p.add_argument("--version", action="version", version="%(prog)s 1.2.3")
p.add_argument("--count", type=int, nargs="*", default=[], metavar="N")
p.add_argument("--secret", help=argparse.SUPPRESS)
p.add_argument("--level", type=int, choices=range(1, 4), default=2)
p.add_argument("--name", required=False, dest="who", help="who (default: %(default)s)", default="world")
p.add_argument("files", nargs="*", type=argparse.FileType("r"))
print(p.parse_args())
print(p.parse_args(["--count", "1", "2", "--lev", "3", "--name", "x"]))
print(p.parse_args(["--count=4", "support_csv/people.csv"]).files[0].readline().strip())
print(p.format_help())

parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--debug", action="store_true")
child = argparse.ArgumentParser(prog="child", parents=[parent], prefix_chars="-+")
child.add_argument("+x", action="store_const", const=42)
child.add_argument("-n", type=float, default=1.0)
print(child.parse_args(["--debug", "+x", "-n", "2.5"]), child.get_default("n"))
child.set_defaults(n=9.0)
print(child.parse_args([]), child.format_usage().strip())

opt = argparse.ArgumentParser(prog="opt")
opt.add_argument("pos", nargs="?", default="dflt", const="c")
opt.add_argument("-a", nargs="?", const="CONST", default="DEF")
opt.add_argument("rest", nargs=argparse.REMAINDER)
print(opt.parse_args([]), opt.parse_args(["p", "-a"]), opt.parse_args(["p", "-a", "v", "r1", "-z"]))
intermixed = argparse.ArgumentParser(prog="mix")
intermixed.add_argument("--flag", action="store_true")
intermixed.add_argument("xs", nargs="*", type=int)
print(intermixed.parse_intermixed_args(["1", "--flag", "2", "3"]))
print(argparse.ArgumentParser(prog="neg").add_argument("-1", dest="one", action="store_true").dest)
e = argparse.ArgumentParser(prog="err")
e.add_argument("--req", required=True)
e.add_argument("num", type=int)
sys.stdout.flush()
try:
    e.parse_args(["abc"])
except SystemExit as ex:
    print("exit", ex.code)
try:
    p.add_argument("--count")
except argparse.ArgumentError as ex:
    print("ArgumentError:", ex)
try:
    p.add_argument("bad", nargs=0)
except ValueError as ex:
    print("ValueError:", ex)
sys.stdout.flush()
p.parse_args(["--version"])
