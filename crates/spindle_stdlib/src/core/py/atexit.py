# Spindle's atexit (Python for Spindle). The binary calls _run_exitfuncs()
# once at interpreter exit.

_handlers = []

def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _handlers.append((func, args, kwargs))
    return func

def unregister(func, /):
    _handlers[:] = [h for h in _handlers if not (h[0] == func)]

def _clear():
    _handlers.clear()

def _ncallbacks():
    return len(_handlers)

def _run_exitfuncs():
    import sys
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            try:
                print(f'Exception ignored in atexit callback {func!r}:', file=sys.stderr)
                import traceback
                # This frame stands in for C code: leave it out, as CPython
                # has none there.
                tb = e.__traceback__.tb_next if e.__traceback__ is not None else None
                traceback.print_exception(type(e), e, tb, file=sys.stderr)
            except BaseException:
                pass
