# Pins: shifts by counts beyond what an int64 holds (or a result of more 30-bit digits than an int64 bit count can hold): CPython 3.14 raises OverflowError "too many digits in integer" for a left shift of a non-zero int (3.13 raised MemoryError), a right shift gives 0 or -1, zero shifts to zero, and a negative count is a ValueError; nothing is allocated.
# Recorded with the 32-bit WebAssembly CPython 3.14: every count here either fails its int64 conversion or makes more digits than either build allows (2**63-1 bits: past 2**31-1 digits there, past (2**63-2)//30 digits on 64 bits), so both builds raise the same error; smaller counts such as 2**62 differ (MemoryError on 64 bits) and are in huge_allocations.py.


def attempt(label, make):
    try:
        r = make()
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, "->", type(e).__name__, repr(str(e)))
    else:
        print(label, "=", r)


for a in [1, -1, 5, 2**100, -(2**100), True]:
    for count in [2**63 - 1, 2**63, 2**64, 2**100]:
        attempt(f"{a} << {count}", lambda: a << count)
        attempt(f"{a} >> {count}", lambda: a >> count)
for count in [2**63, 2**1000]:
    attempt(f"0 << {count}", lambda: 0 << count)
    attempt(f"0 >> {count}", lambda: 0 >> count)
attempt("1 << -1", lambda: 1 << -1)
attempt("1 << -(2**100)", lambda: 1 << -(2**100))
attempt("1 >> -(2**100)", lambda: 1 >> -(2**100))
attempt("0 << -(2**100)", lambda: 0 << -(2**100))
x = 3
try:
    x <<= 2**64
except OverflowError as e:
    print("<<=", e)
print(x)
