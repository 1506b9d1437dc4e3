# Helper package for lang/module_getattr.py: module-level __getattr__ and __dir__.
real = "real attribute"

def __getattr__(name):
    if name == "forbidden":
        raise AttributeError(f"module {__name__!r} refuses {name!r}")
    return f"computed {name}"

def __dir__():
    return ["real", "virtual"]

def reader():
    return globals().get("added", "missing")
