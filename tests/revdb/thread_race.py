# Two depositors race on one account: each reads the balance, yields (time.sleep(0)
# switches threads), then writes what it read plus one. Updates are lost.
import threading
import time


class Account:
    def __init__(self):
        self.balance = 0


acct = Account()


def deposit(n):
    for _ in range(n):
        b = acct.balance
        time.sleep(0)
        acct.balance = b + 1


ts = [threading.Thread(target=deposit, args=(3,), name=f"D{i}") for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("balance", acct.balance)
