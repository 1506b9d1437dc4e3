# Pins: basic control flow: if/elif/else, while with counters, for over range/list/str, break/continue, nested loops and pass.
n = 7
if n > 10:
    print("big")
elif n > 5:
    print("medium")
else:
    print("small")
i = 0
total = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    total += i
print("odd sum", total)
for k in range(3):
    print("k", k)
for ch in "abc":
    print(ch, end=" ")
print()
for item in [10, 20, 30]:
    if item == 20:
        break
    print("item", item)
for a in range(1, 4):
    row = ""
    for b in range(1, 4):
        row += str(a * b) + " "
    print(row)
if not []:
    pass
print("fizzbuzz:", ", ".join("FizzBuzz" if v % 15 == 0 else "Fizz" if v % 3 == 0 else "Buzz" if v % 5 == 0 else str(v) for v in range(1, 16)))
count = 0
while True:
    count += 1
    if count >= 5:
        break
print("count", count)
