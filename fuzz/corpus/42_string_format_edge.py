print(format(12345.6789, ",.2f"), format(255, "#010b"), format(-42, "+d"), format(3.0, ".0%"), format("s", "^5"))
print("{0}{1}{0}".format("a", "b"), "{x[0]}{y.real}".format(x=[9], y=2j), "{:{}}".format("z", 4), "{!a}".format("é"))
print("%c%c" % (65, "b"), "%(k)s" % {"k": "v"}, "%5.1f%%" % 99.44, "%o %X %e" % (8, 255, 0.000123))
try:
    "{".format()
except ValueError as e:
    print("ValueError", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
print(f"{1e100:.3g}", f"{-0.0}", f"{10**20}", f"{2**0.5:.30f}", repr(1e22), repr(1e16), str(123456789012345678.0))
