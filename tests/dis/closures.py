def counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


c = counter(10)
print(c(), c(5))
