# Pins: exception raised while executing a class body: traceback includes a frame named after the class, and the class name is never bound.
print("before class")
class Settings:
    DEBUG = True
    LEVEL = {"low": 1, "high": 3}
    DEFAULT = LEVEL["medium"]
print("unreachable")
