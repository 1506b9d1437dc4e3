# Pins: exit status and stderr when an exception propagates out of a with block whose __exit__ also prints, plus output flushed before the traceback.
class Guard:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit sees", exc[0].__name__)
        return False

with Guard():
    print("inside")
    int("not a number")
