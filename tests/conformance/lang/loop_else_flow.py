# Pins: for/while else clauses (run only without break), break/continue inside try/finally, nested loop exits via flags/exceptions, loop variable after loop, modifying the iterated list via index, range edge cases.
def find(seq, target):
    for i, x in enumerate(seq):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")
    return i if seq else None
print(find([1, 2, 3], 2), find([1, 2, 3], 9), find([], 1))
n = 0
while n < 3:
    n += 1
else:
    print("while else ran, n =", n)
n = 0
while True:
    n += 1
    if n == 2:
        break
else:
    print("never")
print("broke at", n)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print("cleanup", i)
print("after break i =", i)
def f():
    for i in range(3):
        try:
            return i
        finally:
            print("finally before return", i)
print(f())
for x in []:
    pass
else:
    print("else on empty loop")
try:
    print(undefined_loop_var)
except NameError as e:
    print("NameError", e)
for undefined_loop_var in range(0):
    pass
found = None
for row in range(3):
    for col in range(3):
        if row * col == 2:
            found = (row, col)
            break
    else:
        continue
    break
print("nested found", found)
class Done(Exception): pass
try:
    for a in range(5):
        for b in range(5):
            if a + b == 6:
                raise Done(a, b)
except Done as d:
    print("Done", d.args)
items = [1, 2, 3, 4, 5, 6]
i = 0
while i < len(items):
    if items[i] % 2 == 0:
        del items[i]
    else:
        i += 1
print(items)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
print(lst)
print(list(range(10, 0, -3)), list(range(0)), list(range(-3)), list(range(5, 5)), len(range(0, 10**10, 7)), range(0, 10, 3)[-1])
count = 0
for _ in iter(lambda: (count := count + 1) if False else None, 1):
    break
total = 0
for i in range(1, 101):
    if i % 3 and i % 5:
        continue
    total += i
print(total)
w = 10
while w := w - 3:
    if w < 0:
        print("negative", w)
        break
else:
    print("reached zero")
