# The program the DAP tests debug (session.test.js finds its lines by their text).
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance


def check(acct):
    if acct.balance > 100:
        raise ValueError("too rich: %d" % acct.balance)
    return acct.balance


acct = Account("ann", 10)
history = []
for i in range(5):
    acct.deposit(i * 10)
    history.append(acct.balance)
    print("balance", acct.balance)
acct.deposit(100)
try:
    check(acct)
except ValueError as e:
    print("caught", e)
def total(values):
    s = 0
    for v in values:
        s += v
    return s


data = {"a": [1, 2, 3], "b": (4, 5), "s": {6}, "n": list(range(250))}
print("done", len(history), total(history))
