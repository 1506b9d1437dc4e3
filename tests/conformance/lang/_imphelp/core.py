from . import LOADED
LOADED.append("core")
counter = 0
def greet(name):
    global counter
    counter += 1
    return f"hello {name} #{counter}"
