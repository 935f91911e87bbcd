# Bank account simulation with classes, custom exceptions and a transaction log.
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number}: cannot withdraw {amount}, balance {account.balance}")
        self.shortfall = amount - account.balance

class AccountFrozen(BankError):
    pass

class Account:
    _next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
        self.number = Account._next_number
        Account._next_number += 1

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.number}, {self.owner!r}, balance={self.balance})"

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest

class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.number] = acct
        return acct

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            a.deposit(amount)
            raise

    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(SavingsAccount, "bob", 500, rate=0.05)
carol = bank.open(Account, "carol")
print(alice, bob, carol)
bank.transfer(alice.number, carol.number, 40)
print(alice, carol)
for src, dst, amt in [(1000, 1001, 100), (1001, 1000, 250), (1002, 1003, 1)]:
    try:
        bank.transfer(src, dst, amt)
        print("transfer ok", src, "->", dst, amt)
    except InsufficientFunds as e:
        print("failed:", e, "| shortfall", e.shortfall)
    except KeyError as e:
        print("no such account", e)
print("interest", bob.add_interest(), bob)
carol.frozen = True
try:
    bank.transfer(alice.number, carol.number, 10)
except AccountFrozen as e:
    print("frozen:", e)
print(alice, carol)
try:
    alice.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
print("total", bank.total())
for acct in bank.accounts.values():
    print(acct.number, acct.owner, acct.history)
