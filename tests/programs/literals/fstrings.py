# f-strings with format specs, conversions and the = specifier.
name = "Ada"
n = 42
pi = 3.14159265
big = 1234567890
print(f"{name}|{n}|{pi}")
print(f"[{name:>10}] [{name:<10}] [{name:^10}] [{name:*^11}]")
print(f"[{n:5}] [{n:<5}] [{n:05}] [{n:+}] [{-n:+}] [{n: }]")
print(f"{pi:.2f} {pi:08.3f} {pi:10.4f}| {pi:e} {pi:.3e} {pi:g} {pi:.3g}")
print(f"{big:,} {big:_} {big:,.2f} {1234.5:,}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:08b}")
print(f"{0.256:%} {0.256:.1%} {1.5:.0%}")
print(f"{name!r} {name!s} {'é'!a} {'é'!r}")
print(f"{n=} {pi=:.2f} {name=!r} {n + 1 = }")
width = 12
prec = 3
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}]")
print(f"{{literal braces}} {n}{{}}")
print(f"{'nested' + ' expr'} {[1, 2, 3][1]} {dict(a=1)['a']}")
print(f"{3 if n > 10 else 4} {n * 2:>6d}")
print(f"{1e20:g} {1e-20:g} {123456789.0:g} {0.0001234:g} {100000.0:g} {1000000.0:g}")
print(f"{12:c}{105:c}" if False else f"{72:c}{105:c}")
print(f"{-0.0:.1f} {2.5:.0f} {3.5:.0f} {1.005:.2f}")
print(f"{True} {None} {...} {True:d} {True:>5}")
items = ["a", "b"]
print(f"{items} {items!r} {len(items):03}")
print(f"{'left':<8}|{'right':>8}|")
print(f"{-42:=8} {42:=+8} {-3.5:010.2f}")
print(format(255, "x"), format(3.5, ".3f"), format("s", "^5"), format(10))
