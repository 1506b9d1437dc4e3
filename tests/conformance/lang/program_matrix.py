# Pins: a numeric workload with nested lists, Fractions and floats: matrix multiply, transpose, determinant, inverse by Gauss-Jordan with exact fractions, identity checks and formatting.
from fractions import Fraction as F
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
def inverse(m):
    n = len(m)
    aug = [[F(x) for x in row] + [F(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if aug[r][col] != 0)
        aug[col], aug[pivot] = aug[pivot], aug[col]
        pv = aug[col][col]
        aug[col] = [x / pv for x in aug[col]]
        for r in range(n):
            if r != col and aug[r][col] != 0:
                factor = aug[r][col]
                aug[r] = [x - factor * y for x, y in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]
A = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
B = [[1, 2], [3, 4], [5, 6]]
print(matmul(A, B), transpose(B), det(A), det([[1, 2], [3, 4]]))
inv = inverse(A)
print([[str(x) for x in row] for row in inv])
I = matmul(A, inv)
print(I == [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[str(x) for x in row] for row in I])
H = [[F(1, i + j + 1) for j in range(4)] for i in range(4)]
print(det(H), [[str(x) for x in row] for row in inverse(H)][0])
fl = [[0.1 * (i + 1) * (j + 2) for j in range(3)] for i in range(3)]
for row in matmul(fl, transpose(fl)):
    print(" ".join(f"{x:8.4f}" for x in row))
def power(m, k):
    result = [[int(i == j) for j in range(len(m))] for i in range(len(m))]
    while k:
        if k & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        k >>= 1
    return result
fibm = power([[1, 1], [1, 0]], 90)
print(fibm[0][1], power([[2, 0], [0, 3]], 10))
try:
    inverse([[1, 2], [2, 4]])
except StopIteration:
    print("singular matrix")
print(sum(map(sum, A)), max(max(r) for r in B), [sum(c) for c in zip(*B)])
