# Pins: the simplest programs: print of literals, multiple arguments, sep/end, empty print, and numbers/strings/None/bools (the first case a new VM should pass).
print("hello, world")
print(1, 2, 3)
print()
print("a", "b", sep="")
print("no newline", end="|")
print("next")
print(None, True, False)
print(42, -7, 3.5, 1e100, 2 ** 100)
print("tab\there", 'single', "unicode é ☃")
print([1, "two", 3.0], (4,), {"k": "v"}, {5})
print(repr("quoted"), str(10), len("four"))
x = 10
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x)
