# Pins: warnings: catch_warnings(record=True) contents, simplefilter actions (always/ignore/error/once/default), filterwarnings by message regex/category/module, warn stacklevel, showwarning/formatwarning output, deprecated decorator, warn_explicit.
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("instance"))
    warnings.warn("rt", RuntimeWarning)
print([(type(x.message).__name__ if not isinstance(x.message, str) else "str", str(x.message), x.category.__name__, x.filename.endswith("warnings_filters.py")) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
print(len(w))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for _ in range(3):
        warnings.warn("repeat")
    warnings.warn("other")
print([str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("same place")
print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.filterwarnings("error", category=RuntimeWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
    try:
        warnings.warn("rt!", RuntimeWarning)
    except RuntimeWarning as e:
        print("RuntimeWarning raised", e)
print([str(x.message) for x in w])
def api():
    warnings.warn("caller's fault", stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    api()
import inspect
print(w[0].lineno == inspect.currentframe().f_lineno - 2)
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 12, "line code")))
print(repr(warnings.formatwarning("msg", DeprecationWarning, "f.py", 3)))
seen = []
saved_showwarning = warnings.showwarning
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: seen.append((str(message), category.__name__))
    warnings.warn("custom show", FutureWarning)
print(seen)
# Restore explicitly: with sys.flags.context_aware_warnings (free-threaded builds) catch_warnings() does not.
warnings.showwarning = saved_showwarning
@warnings.deprecated("use new_api instead")
def old_api():
    return "old result"
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = old_api()
print(r, [(x.category.__name__, str(x.message)) for x in w], old_api.__deprecated__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", SyntaxWarning, "virtual.py", 99)
print([(str(x.message), x.filename, x.lineno, x.category.__name__) for x in w])
try:
    warnings.simplefilter("bogus")
except ValueError as e:
    print("ValueError", e)
try:
    warnings.warn("x", int)
except TypeError as e:
    print("TypeError", e)
print([c.__name__ for c in (Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, RuntimeWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning) if issubclass(c, Warning)])
warnings.warn("final to stderr")
