# Pins: basic data structures: list/dict/set/tuple creation, indexing, mutation, membership, iteration and common methods in simple forms.
nums = [5, 3, 8, 1]
nums.append(7)
nums.sort()
print(nums, nums[0], nums[-1], nums[1:3], len(nums), 8 in nums)
ages = {"ann": 30, "bob": 25}
ages["cy"] = 35
ages["bob"] += 1
print(ages, ages["ann"], ages.get("zed", 0), "cy" in ages, len(ages))
for name, age in ages.items():
    print(name, age)
colors = {"red", "green"}
colors.add("blue")
colors.discard("red")
print(sorted(colors), "green" in colors, len(colors))
point = (3, 4)
x, y = point
print(point, x, y, point[0] + point[1])
words = "the quick brown fox".split()
print(words, " ".join(reversed(words)), [w.upper() for w in words], {w: len(w) for w in words})
matrix = [[1, 2], [3, 4]]
print(matrix[1][0], [row[1] for row in matrix], sum(sum(r) for r in matrix))
s = "Hello"
print(s.lower(), s.upper(), s[1:], s * 2, s + "!", s.replace("l", "L"), s.find("l"), list(s))
