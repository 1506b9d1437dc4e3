i, total = 0, 0
while i < 100:
    i += 1
    if i % 7 == 0:
        continue
    if i > 90:
        break
    total += i
else:
    print("no break")
print(i, total)
for x in range(5):
    for y in range(5):
        if x * y == 6:
            break
    else:
        continue
    print("found", x, y)
    break
n = 27; steps = 0
while n != 1 and steps < 1000:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
