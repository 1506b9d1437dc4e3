# Pins: warnings.warn comes from _warnings (C in CPython): the default filters, stacklevel counted from the caller, and a warning raised as an error has no frames of the warnings machinery in its traceback.
import warnings, _warnings, sys, traceback
print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)
print(warnings.filters is _warnings.filters, warnings.defaultaction, warnings.onceregistry is _warnings._onceregistry)
print(warnings.filters)
def lib():
    warnings.warn("from lib", UserWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    lib()
    warnings.warn_explicit("explicit", RuntimeWarning, "file.py", 7)
print([(str(x.message), x.category.__name__, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        lib()
    except UserWarning as e:
        frames = traceback.extract_tb(e.__traceback__)
        print([f.name for f in frames], e.__traceback__.tb_next.tb_next)
    try:
        warnings.warn_explicit("boom", SyntaxWarning, "x.py", 1)
    except SyntaxWarning as e:
        print([f.name for f in traceback.extract_tb(e.__traceback__)])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("again")
print(len(w))
warnings.warn("to stderr", stacklevel=1)
