# Pins: traceback last line uses str() of the exception: custom __str__, empty message (just the class name), multi-line message, exception with several args shown as a tuple, module-qualified name for non-builtin classes.
class ConfigError(Exception):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key, self.problem = key, problem
    def __str__(self):
        return f"config key {self.key!r}: {self.problem}"
for exc in [ConfigError("port", "not an int"), ValueError(), ValueError("a", 2), KeyError("k"), OSError("disk full"), ValueError("line1\nline2")]:
    print(type(exc).__name__, "->", repr(str(exc)))
raise ConfigError("timeout", "must be positive\n(hint: use seconds)")
