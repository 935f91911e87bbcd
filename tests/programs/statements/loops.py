# while/for with else, break, continue, nested loops.
for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("not reached")
for i in range(3):
    print("for2", i)
else:
    print("for else runs")
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("while", n)
else:
    print("not reached")
print("n =", n)
k = 3
while k:
    k -= 1
else:
    print("while else, k =", k)
for x in []:
    print("never")
else:
    print("empty for else")
found = None
for row in range(1, 5):
    for col in range(1, 5):
        if row * col == 6:
            found = (row, col)
            break
    else:
        continue
    break
print("found", found)
count = 0
for i in range(4):
    for j in range(i):
        if j == 2:
            continue
        count += 1
print("count", count)
total = 0
for ch in "a1b2c3":
    if ch.isdigit():
        total += int(ch)
    else:
        pass
print(total)
it = iter([1, 2, 3])
for v in it:
    print("it", v)
    if v == 1:
        print("skip", next(it))
result = []
i = 0
while True:
    i += 1
    if i > 20:
        break
    if i % 3 == 0 or i % 5 == 0:
        result.append(i)
print(result)
for i in range(3):
    pass
print("i after loop", i)
for a, b in [(1, 2), (3, 4)]:
    print(a + b, end=" ")
print()
