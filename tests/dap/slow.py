# A program with many stop points: a search through it takes long enough to pause.
total = 0
for i in range(3000000):
    total += i
print("total", total)
