# Pins: warnings.warn output format on stderr (filename:line: Category: message) and once-per-location filtering.
import warnings
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    warnings.warn("user warning here")
for _ in range(3):
    old()
warnings.warn("top-level", RuntimeWarning)
print("done")
