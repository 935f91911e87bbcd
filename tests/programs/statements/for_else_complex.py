# Complex control flow: nested loops with else, try inside loops, loop variables after loops, while/else with break.
def find_pair(nums, target):
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a + b == target:
                break
        else:
            continue
        return (a, b)
    else:
        return None
print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10), find_pair([], 0))
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
results = []
for attempt in range(5):
    try:
        if attempt < 2:
            raise ConnectionError(f"attempt {attempt} failed")
        if attempt == 3:
            continue
        results.append(f"attempt {attempt} ok")
    except ConnectionError as e:
        results.append(str(e))
        continue
    finally:
        results.append(f"cleanup {attempt}")
    if attempt == 4:
        break
else:
    results.append("never")
print(results)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()
k = 0
while k < 5:
    k += 1
    try:
        if k == 2:
            continue
        if k == 4:
            break
    finally:
        print("finally k =", k)
else:
    print("while-else not reached")
print("k after loop", k)
total = 0
for x in range(10):
    if x % 2:
        continue
    elif x > 6:
        break
    total += x
print(total, x)
matrix = [[1, 2], [3, 4], [5, 6]]
for row_i, row in enumerate(matrix):
    for col_i, v in enumerate(row):
        if v == 4:
            print("found 4 at", row_i, col_i)
            break
    else:
        continue
    break
print("row_i", row_i, "col_i", col_i)
