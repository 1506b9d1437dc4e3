# Pins: uncaught AttributeError on an instance with a close match among attributes and methods (3.14 suggestion text in the traceback).
class Widget:
    def __init__(self):
        self.color = "red"
    def render(self):
        return "rendered"

w = Widget()
print(w.render())
w.rendr()
