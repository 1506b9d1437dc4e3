# Pins: uncaught user-defined exception with custom __str__, module-qualified name in the traceback, and an exception with no message.
class AppError(Exception):
    def __str__(self):
        return "custom rendering"

class Empty(Exception):
    pass

try:
    raise Empty()
except Empty as e:
    import traceback
    print("".join(traceback.format_exception_only(e)), end="")
raise AppError("ignored")
