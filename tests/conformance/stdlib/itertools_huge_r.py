# Pins: permutations, combinations and combinations_with_replacement with a huge r raise MemoryError at construction whatever the pool's size (CPython allocates r indices), an r past an index is OverflowError, and product's repeat is "repeat argument too large" once the index array could not be sized, else MemoryError, while no pools at all make one empty tuple at once.
# recorded-with: cpython-3.13
# Why 3.13: CPython 3.14 on WebAssembly is 32-bit, so r = 2**62 cannot even be converted there; every index array CPython tries here passes 2**47 bytes, beyond any process's address space, so no case really allocates.
import itertools

R = 2**62


def attempt(label, make):
    try:
        r = make()
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__, repr(str(e)))
    else:
        print(label, "=", type(r).__name__, list(itertools.islice(r, 3)))


for name in ["permutations", "combinations", "combinations_with_replacement"]:
    f = getattr(itertools, name)
    for pool in [[1], [], range(3)]:
        for r in [R, 2**44, 2**63, -1, 2, 5]:
            attempt(f"{name}({pool!r}, {r})", lambda: f(pool, r))
attempt("permutations([1], None)", lambda: itertools.permutations([1], None))
attempt("permutations([1], 1.0)", lambda: itertools.permutations([1], 1.0))
attempt("combinations([1], 1.0)", lambda: itertools.combinations([1], 1.0))

for args in [([1],), ([],), ([1], [2]), ([1], [2], [3], [4]), ()]:
    for repeat in [R, 2**58, 2**44, 2**63, -1, 2]:
        attempt(f"product(*{args!r}, repeat={repeat})", lambda: itertools.product(*args, repeat=repeat))
