# Pins: complex numbers: construction, repr, arithmetic, comparisons, cmath-free operations and errors.
z = complex(3, 4)
print(z, repr(z), abs(z), z.real, z.imag, z.conjugate(), -z, +z)
print(complex(), complex(1), complex("1+2j"), complex(" 3-4j "), complex("j"), complex("-1.5e2j"), complex(2j, 1))
for bad in ["1+", "j1", "1+2k", "", "1 + 2j"]:
    try:
        complex(bad)
    except ValueError as e:
        print("ValueError:", repr(bad), e)
print(z + 1, z * 2j, z / 2, z / (1 + 1j), z ** 2, z ** 0.5, 1j ** 2, (1 + 1j) ** 3)
print(z == 3 + 4j, z != 3, complex(1, 0) == 1, 1j * 1j == -1)
try:
    z < z
except TypeError as e:
    print("TypeError:", e)
try:
    z // 2
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(0j, -0j, complex(-0.0, -0.0), complex(0.0, -0.0), 1e300j * 1e10, complex("inf+nanj"))
print(f"{z:.2f}", format(z, "+.1e"), format(1 + 1j, ">12"), format(2j, ""), str(1.5 + 0j))
print(hash(1 + 0j) == hash(1), hash(0j))
print(complex(1.5).imag, type(1j).__name__, (2 + 3j).__class__.__mro__)
print(abs(3j), abs(-4 + 0j), pow(1j, 2), pow(2, 1j).real.__round__(12))
class C:
    def __complex__(self):
        return 7j
print(complex(C()), complex(1, C()) if False else "skip")
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)
print(sum([1j, 2, 3.5]), [x.imag for x in (1j, 2 + 0j)])
print((1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j))
print(complex(1e308, 1e308) * 10)
