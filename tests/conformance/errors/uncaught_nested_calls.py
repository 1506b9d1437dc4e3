# Pins: multi-frame traceback through nested function calls with carets under the failing call and subscript.
def level3(data):
    return data["missing"]

def level2(data):
    value = level3(data) + 1
    return value

def level1():
    return level2({"present": 1})

print("start")
level1()
