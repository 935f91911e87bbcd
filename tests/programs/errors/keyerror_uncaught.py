# An uncaught KeyError from a dict lookup inside a function.
prices = {"apple": 3, "pear": 4}

def total(order):
    return sum(prices[item] * qty for item, qty in order.items())

print(total({"apple": 2}))
print(total({"pear": 1, "mango": 2}))
