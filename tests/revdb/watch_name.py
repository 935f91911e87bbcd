def acc(items):
    total = 0
    for x in items:
        total += x
    return total


count = 0
for r in range(3):
    count += acc([r, r + 1])
print(count)
