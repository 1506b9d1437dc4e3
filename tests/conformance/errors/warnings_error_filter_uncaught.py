# Pins: -W error equivalent via warnings.simplefilter('error'): a DeprecationWarning raised by a library-style function becomes an uncaught exception with traceback through the warn() call site.
import warnings
def old_function():
    warnings.warn("old_function is deprecated, use new_function", DeprecationWarning, stacklevel=2)
    return 1
print(old_function())
warnings.simplefilter("error", DeprecationWarning)
def caller():
    return old_function()
caller()
