def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(work(3))
