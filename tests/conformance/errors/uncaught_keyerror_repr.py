# Pins: the last line of a traceback for exceptions whose str differs from their args: KeyError with a tuple key, OSError with errno-free args, and an exception with an empty message.
import sys
def show(exc):
    try:
        raise exc
    except BaseException as e:
        import traceback
        print(traceback.format_exception_only(e)[-1], end="")
show(KeyError(("a", 1)))
show(KeyError(""))
show(ValueError())
show(OSError("plain message"))
show(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"))
show(StopIteration(3))
show(SystemExit(2))
raise KeyError("multi\nline")
