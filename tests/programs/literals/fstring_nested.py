# More f-strings: nested fields, expressions with calls/subscripts/conditionals, alignment tables, = debugging.
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
w = max(len(r[0]) for r in rows)
for name, price, qty in rows:
    print(f"|{name:<{w}}|{price:>{w}.2f}|{qty:^5}|{price * qty:>8,.1f}|")
value = 1234.5678
for spec in [".0f", ".1f", "10.3f", "<10.2f", "^12.1e", "+.3g", ",.2f", "015.4f", "_.1f", "e", "G", "%"]:
    print(f"{spec:>7} -> [{value:{spec}}]")
n = 255
for spec in ["d", "5d", "<5d", "x", "#06x", "X", "o", "#o", "b", "#010b", ",", "+d", "c"]:
    print(f"{spec:>6} -> [{n:{spec}}]")
s = "hi"
for spec in ["", "5", "<5", ">5", "^6", "*^6", "-<4", ".1"]:
    print(f"{spec!r:>7} -> [{s:{spec}}]")
d = {"k": [10, 20]}
x, y = 3, 4
print(f"{d['k'][1]} {d!r} {len(d)} {x if x > y else y} {'yes' if x else 'no'} {x * y = } {x=:>5} {y!r:>3}")
print(f"{'{'}{x}{'}'} {{x}} {{{x}}}")
print(f"{[i * i for i in range(4)]} {dict(a=x)} {(lambda q: q + 1)(x)} {x:{'>' if x else '<'}{y}}")
name = "ü"
print(f"{name!a} {name!r} {name!s} {name!s:>3}|")
print(f"{3.0:g} {3.14159:.3} {1e-7:g} {123456789:e} {0.000123:.2e} {-0.0:+.1f} {float('inf'):>6} {float('nan'):<5}|")
print(f"{True!r:>6}|{None!s:^8}|{12.0!s}|{[1, 2]!s:>8}|")
print(f"{10:{'+'}{8}}|{2**70:,}|{-2**40:_x}|")
print(f"""multi
line {x}
f-string""")
print(f"{'nested ' + f'{x + y}'}")
