# Pins: global and nonlocal declarations: module rebinding from functions, nested nonlocal chains, class bodies and SyntaxErrors for misuse.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def reader():
    return counter * 10
print(reader())
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def make():
    a = 0
    def level1():
        nonlocal a
        a += 1
        def level2():
            nonlocal a
            a += 10
            return a
        return level2()
    return level1, lambda: a
l1, get = make()
print(l1(), l1(), get())
class K:
    global class_made
    class_made = "from class body"
    value = counter
print(class_made, K.value)
def mixed():
    x = 1
    class Inner:
        nonlocal x
        x = 2
    return x
print(mixed())
for src in [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    nonlocal y\n",
    "nonlocal z\n",
    "def f(a):\n    global a\n",
    "def f():\n    print(q)\n    global q\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
]:
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)
g = {"v": 1}
exec("global v\nv = 2", g)
print(g["v"])
def use_builtin():
    return len("abc")
import builtins
builtins.custom_builtin = "visible everywhere"
print(custom_builtin)
del builtins.custom_builtin
len_ref = len
def shadow_builtin():
    len = lambda x: -1
    return len("abc")
print(shadow_builtin(), use_builtin())
def declares_global_not_defined():
    global never_defined
    try:
        return never_defined
    except NameError as e:
        return str(e)
print(declares_global_not_defined())
