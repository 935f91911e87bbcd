# A unit converter with dimension checking, built on dicts of base-unit factors.
class DimensionError(Exception):
    pass

UNITS = {
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "in": ("length", 0.0254), "ft": ("length", 0.3048), "mi": ("length", 1609.344),
    "g": ("mass", 1.0), "kg": ("mass", 1000.0), "lb": ("mass", 453.59237), "oz": ("mass", 28.349523125),
    "s": ("time", 1.0), "min": ("time", 60.0), "h": ("time", 3600.0), "day": ("time", 86400.0),
}

def convert(value, src, dst):
    if src in ("C", "F", "K") or dst in ("C", "F", "K"):
        return convert_temp(value, src, dst)
    try:
        d1, f1 = UNITS[src]
        d2, f2 = UNITS[dst]
    except KeyError as e:
        raise KeyError(f"unknown unit {e.args[0]!r}") from None
    if d1 != d2:
        raise DimensionError(f"cannot convert {d1} ({src}) to {d2} ({dst})")
    return value * f1 / f2

def convert_temp(value, src, dst):
    to_k = {"C": lambda v: v + 273.15, "F": lambda v: (v - 32) * 5 / 9 + 273.15, "K": lambda v: v}
    from_k = {"C": lambda k: k - 273.15, "F": lambda k: (k - 273.15) * 9 / 5 + 32, "K": lambda k: k}
    if src not in to_k or dst not in from_k:
        raise DimensionError(f"cannot convert {src} to {dst}")
    k = to_k[src](value)
    if k < 0:
        raise ValueError(f"{value} {src} is below absolute zero")
    return from_k[dst](k)

def parse(query):
    amount, src, _, dst = query.split()
    return float(amount), src, dst

queries = ["1 km to m", "5280 ft to mi", "12 in to cm", "1 lb to kg", "16 oz to lb", "90 min to h",
           "1 day to s", "100 C to F", "-40 F to C", "0 K to C", "98.6 F to K", "3 kg to m",
           "1 parsec to km", "-300 C to K", "2.5 h to min", "C to F"]
for q in queries:
    try:
        amount, src, dst = parse(q)
        result = convert(amount, src, dst)
        print(f"{q:15} = {round(result, 6):g} {dst}")
    except (DimensionError, KeyError, ValueError) as e:
        print(f"{q:15} ! {type(e).__name__}: {e}")
table = [(u, round(convert(1, "mi", u), 3)) for u, (dim, _) in UNITS.items() if dim == "length"]
print(table)
print(sorted(UNITS, key=lambda u: (UNITS[u][0], UNITS[u][1])))
