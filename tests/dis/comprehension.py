words = ["apple", "bob", "kayak"]
lengths = {w: len(w) for w in words if w == w[::-1]}
squares = [x * x for x in range(5)]
print(lengths, squares, sum(n for n in squares))
