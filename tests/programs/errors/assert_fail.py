# A failing assert with a message, uncaught.
def withdraw(balance, amount):
    assert amount <= balance, f"insufficient funds: {amount} > {balance}"
    return balance - amount

b = 100
b = withdraw(b, 30)
print("balance", b)
b = withdraw(b, 80)
print("balance", b)
