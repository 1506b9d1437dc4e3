"""Spindle uses the pure-Python warnings implementation.

Only `warn` and `warn_explicit` are here, for callers that use `_warnings`
directly (importlib's bootstrap); they forward to the `warnings` module.
`warnings` itself finds no filters here and keeps its Python state."""


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    import warnings
    # One more level: this forwarding frame is not the caller's.
    warnings.warn(message, category, stacklevel + 1, source, skip_file_prefixes=skip_file_prefixes)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    import warnings
    warnings.warn_explicit(message, category, filename, lineno, module, registry, module_globals, source)
