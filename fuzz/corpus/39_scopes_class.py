x = "global"
class C:
    x = "class"
    y = [x for _ in range(1)]
    def m(self):
        return x
    z = (lambda: x)()
print(C.y, C().m(), C.z)
def f():
    x = "local"
    class D:
        w = x
        def g(self): return x
    return D.w, D().g()
print(f())
def shadow():
    try:
        print(undefined_name)
    except NameError as e:
        print("NameError", e)
    try:
        def inner():
            print(v)
            v = 1
        inner()
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
shadow()
