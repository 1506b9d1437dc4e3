# Pins: Decimal arithmetic exactness (0.1+0.2), significant trailing zeros preserved through ops, comparisons with int/float/Fraction, sum/round/quantize for money, str/repr/engineering strings, format specs (f/e/g/%/n, fill/align, grouping), from_float and tuples.
from decimal import Decimal as D, getcontext
from fractions import Fraction
print(D("0.1") + D("0.2"), D("0.1") + D("0.2") == D("0.3"), 0.1 + 0.2 == 0.3)
print(D("1.10") + D("2.20"), D("1.50") * 2, D("3.000") / 3, D("10") / D("4"), D("1.0") * D("1.00"), D("100") - D("0.01"))
print(D("2.50") == D("2.5"), hash(D("2.50")) == hash(D("2.5")), D("2.5") == 2.5, D("1") == 1, D("0.5") == Fraction(1, 2), D("0.1") < 0.2, D(3) > Fraction(5, 2))
prices = [D("19.99"), D("5.01"), D("0.10"), D("74.90")]
total = sum(prices)
tax = (total * D("0.0825")).quantize(D("0.01"))
print(total, tax, total + tax, sum(prices, D("0.00")), max(prices), sorted(prices)[0])
for v in ["123.456", "-0.0005", "1E+3", "0.000", "12345678901234567890.5", "1e-10"]:
    d = D(v)
    print(repr(d), str(d), d.to_eng_string(), f"{d:f}", f"{d:e}", f"{d:g}", f"{d:.2f}")
print(f"{D('1234567.891'):,.2f}", f"{D('0.125'):.1%}", f"{D('42'):>8}|", f"{D('-42.5'):^+10.2f}|", f"{D('3.14159'):010.3f}")
print(f"{D('1e100'):.3e}", f"{D('NaN')}", f"{D('-Infinity'):>10}", f"{D('0'):.3f}", f"{D('-0.00'):f}", f"{D('5'):.0%}")
print(D.from_float(0.1), D(0.5), D((0, (1, 2, 3), -2)), D((1, (5,), 0)), D((0, (), "F")) if False else D("Infinity"))
print(D("1.23").as_tuple(), D("-1.230").as_integer_ratio(), D("10.50").normalize(), D("1E+1").normalize(), D("0.0100").quantize(D("1e-3")))
print(round(D("2.675"), 2), round(D("-0.5")), round(D("1.5")), round(D("123.456"), -1), int(D("7.99")), float(D("1.1")))
print(D(7) // D(2), D(-7) // D(2), D(7) % D(-2), D(2) ** D("0.5"), D("4").sqrt(), D(10) ** -2, abs(D("-3.3")), -D("0"))
print(sum(D("0.01") for _ in range(100)), sum(0.01 for _ in range(100)))
getcontext().prec = 50
print(D(1) / D(3), D(2).sqrt())
getcontext().prec = 28
for bad in [lambda: D("1") + 0.5, lambda: D("abc"), lambda: D([1, 2]), lambda: D("1") < "2"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
