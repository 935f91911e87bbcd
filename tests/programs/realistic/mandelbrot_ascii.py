# ASCII Mandelbrot and Julia sets using float arithmetic and complex numbers; prints iteration counts.
CHARS = " .:-=+*#%@"

def mandel(c, limit=40):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit

def render(fn, x0, x1, y0, y1, w, h):
    rows = []
    for j in range(h):
        y = y1 - (y1 - y0) * j / (h - 1)
        row = ""
        for i in range(w):
            x = x0 + (x1 - x0) * i / (w - 1)
            n = fn(complex(x, y))
            row += CHARS[min(n * len(CHARS) // 41, len(CHARS) - 1)]
        rows.append(row.rstrip())
    return rows

for line in render(mandel, -2.1, 0.7, -1.2, 1.2, 60, 21):
    print(line)

def julia(c):
    def f(z, limit=40):
        for i in range(limit):
            z = z * z + c
            if z.real * z.real + z.imag * z.imag > 4.0:
                return i
        return limit
    return f

for line in render(julia(complex(-0.8, 0.156)), -1.6, 1.6, -1.0, 1.0, 50, 13):
    print(line)
samples = [0, -1, 0.25, 0.26, -0.75 + 0.1j, 1j, -2, 0.3 + 0.5j]
print([(c, mandel(complex(c), 100)) for c in samples])
area_hits = sum(mandel(complex(-2 + 2.5 * i / 80, -1.25 + 2.5 * j / 80)) == 40 for i in range(80) for j in range(80))
print("points inside:", area_hits, "estimated area:", round(area_hits / 6400 * 2.5 * 2.5, 4))
z = 0.5 + 0.5j
print(z * z, abs(z), z.conjugate(), (z * z).real, complex(1, 1) ** 2)
