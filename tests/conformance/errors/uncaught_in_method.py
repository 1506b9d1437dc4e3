# Pins: traceback of an uncaught TypeError inside a method called through a property and a list comprehension, showing qualified frame names.
class Report:
    def __init__(self, rows):
        self.rows = rows
    @property
    def total(self):
        return sum(r["amount"] for r in self.rows)
    def summary(self):
        return [f"{r['name']}: {r['amount'] / self.total:.0%}" for r in self.rows]

print(Report([{"name": "a", "amount": 1}]).summary())
Report([{"name": "a", "amount": 1}, {"name": "b", "amount": "2"}]).summary()
