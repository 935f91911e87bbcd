# 2-D grid transformations: rotate, transpose, spiral order, flood fill, and image-like convolution.
def make(rows, cols):
    return [[r * cols + c + 1 for c in range(cols)] for r in range(rows)]

def show(g, title):
    print(title)
    w = max(len(str(v)) for row in g for v in row)
    for row in g:
        print("  " + " ".join(str(v).rjust(w) for v in row))

def rotate_cw(g):
    return [list(row) for row in zip(*g[::-1])]

def rotate_ccw(g):
    return [list(row) for row in zip(*g)][::-1]

def spiral(g):
    out = []
    top, bottom, left, right = 0, len(g) - 1, 0, len(g[0]) - 1
    while top <= bottom and left <= right:
        out.extend(g[top][c] for c in range(left, right + 1))
        out.extend(g[r][right] for r in range(top + 1, bottom + 1))
        if top < bottom:
            out.extend(g[bottom][c] for c in range(right - 1, left - 1, -1))
        if left < right:
            out.extend(g[r][left] for r in range(bottom - 1, top, -1))
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out

def flood(g, r, c, new):
    old = g[r][c]
    if old == new:
        return 0
    stack, count = [(r, c)], 0
    while stack:
        r, c = stack.pop()
        if 0 <= r < len(g) and 0 <= c < len(g[0]) and g[r][c] == old:
            g[r][c] = new
            count += 1
            stack.extend([(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)])
    return count

def convolve(g, k):
    h, w, kh, kw = len(g), len(g[0]), len(k), len(k[0])
    return [[sum(g[r + i][c + j] * k[i][j] for i in range(kh) for j in range(kw))
             for c in range(w - kw + 1)] for r in range(h - kh + 1)]

g = make(3, 4)
show(g, "original")
show(rotate_cw(g), "rotated clockwise")
show(rotate_ccw(g), "rotated counter-clockwise")
print(rotate_cw(rotate_cw(rotate_cw(rotate_cw(g)))) == g, rotate_ccw(rotate_cw(g)) == g)
for r, c in [(1, 1), (1, 5), (4, 4), (5, 1), (3, 6)]:
    print(f"spiral {r}x{c}:", spiral(make(r, c)))
picture = [list(row) for row in ["..##....", ".#..#...", ".#..#.##", "..##..#.", "......#."]]
print("filled", flood(picture, 1, 2, "o"), "cells;", flood(picture, 0, 0, "~"), "cells;", flood(picture, 0, 0, "~"))
print("\n".join("".join(row) for row in picture))
img = [[(r * 7 + c * 3) % 10 for c in range(6)] for r in range(5)]
show(img, "image")
show(convolve(img, [[1, 1, 1], [1, 1, 1], [1, 1, 1]]), "box blur (sum)")
show(convolve(img, [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]), "sobel x")
