# Pins: warnings: filters (error/ignore/always/once/default), catch_warnings(record=True), categories, stacklevel, showwarning/formatwarning, warn_explicit and the deprecated decorator.
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("instance"))
    warnings.warn("ign", ResourceWarning)
    print([(str(x.message), x.category.__name__, x.lineno) for x in w])
    print(w[0].filename.endswith("warnings_mod.py"), type(w[0]).__name__)
with warnings.catch_warnings():
    warnings.simplefilter("error", RuntimeWarning)
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", e)
    warnings.warn("still warning", UserWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for _ in range(3):
        warnings.warn("once only")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for _ in range(3):
        warnings.warn("default per location")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.filterwarnings("always", category=UserWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
    print([str(x.message) for x in w])
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line of code"), end="")
def lib():
    warnings.warn("caller's fault", stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    lib()
    print(w[0].lineno)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", SyntaxWarning, "fake.py", 42)
    print(w[0].filename, w[0].lineno, w[0].category.__name__)
@warnings.deprecated("use new_api instead")
def old_api():
    return "old result"
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(old_api(), [str(x.message) for x in w], [x.category.__name__ for x in w], old_api.__deprecated__)
def custom_show(message, category, filename, lineno, file=None, line=None):
    print("custom show:", message, category.__name__)
old = warnings.showwarning
warnings.showwarning = custom_show
warnings.warn("through custom showwarning")
warnings.showwarning = old
print(issubclass(DeprecationWarning, Warning), [c.__name__ for c in (BytesWarning, FutureWarning, ImportWarning, EncodingWarning)])
warnings.warn("goes to stderr with default filters")
warnings.warn("hidden by default", DeprecationWarning)
