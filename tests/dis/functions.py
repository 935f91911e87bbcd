def total(items, scale=2):
    result = 0
    for i, item in enumerate(items):
        if item < 0:
            continue
        result += item * scale
    return result


print(total([1, -2, 3]))
