# Exception raised while handling another: "During handling of the above exception".
def average(values):
    try:
        return sum(values) / len(values)
    except ZeroDivisionError:
        raise RuntimeError("cannot average an empty list")

print(average([1, 2, 3]))
print(average([]))
