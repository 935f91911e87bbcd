class Account:
    def __init__(self, owner):
        self.owner = owner
        self.history = []


def deposit(acct, amount):
    total = sum(acct.history)
    acct.history.append(amount)
    total += amount
    return total


a = Account("ann")
deposit(a, 10)
deposit(a, 5)
a.history[0] = 7
balance = deposit(a, 1)
print(balance, a.history)
