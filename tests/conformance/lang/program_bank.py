# Pins: a realistic object-oriented program: accounts with inheritance, properties, class-level registries, custom exceptions, sorting and report formatting.
from decimal import Decimal
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.account, self.amount = account, amount
class Account:
    _next_id = 1000
    registry = {}
    fee = Decimal("0")
    def __init__(self, owner, balance="0"):
        self.owner = owner
        self._balance = Decimal(balance)
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1
        Account.registry[self.id] = self
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        amount = Decimal(amount)
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        amount = Decimal(amount) + self.fee
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __repr__(self):
        return f"{type(self).__name__}(#{self.id} {self.owner}: {self._balance})"
    def __lt__(self, other):
        return self._balance < other._balance
class Savings(Account):
    rate = Decimal("0.02")
    def add_interest(self):
        interest = (self._balance * self.rate).quantize(Decimal("0.01"))
        return self.deposit(interest)
class Checking(Account):
    fee = Decimal("1.50")
def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print("transfer failed:", e)
        return False
    dst.deposit(amount)
    return True
a = Savings("ann", "100.00")
b = Checking("bob", "20")
c = Account("cy")
a.deposit("50.25").add_interest()
b.withdraw(5)
print(transfer(b, c, "10"), transfer(b, c, "10"), transfer(a, b, "75.5"))
for bad in ["-1", "0"]:
    try:
        c.deposit(bad)
    except ValueError as e:
        print("ValueError:", e)
for acct in sorted(Account.registry.values()):
    print(f"{acct.id:>5} {acct.owner:<6} {type(acct).__name__:<9} {acct.balance:>10.2f}  {len(acct.history)} ops")
print(sum(x.balance for x in Account.registry.values()), max(Account.registry.values()), min(Account.registry.values()).owner)
print(a.history, b.history)
print(isinstance(a, Account), Savings.fee, Checking.fee, Account.fee, Savings.__mro__[1].__name__)
