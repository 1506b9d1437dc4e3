# Pins: UnboundLocalError wherever some path reaches a read with the local unbound
# (the compiler proves the other reads bound and skips their check): empty loops,
# one-armed ifs, failed try bodies, del, except-as cleanup, while/else, match arms,
# with bodies that raise, and loops whose back edge unbinds.
def attempt(f, *a):
    try:
        return f(*a)
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

def empty_loop(xs):
    for x in xs:
        pass
    return x

def one_arm(c):
    if c:
        y = 1
    return y

def failed_try():
    try:
        z = 1 // 0
    except ZeroDivisionError:
        pass
    return z

def deleted(c):
    w = 1
    if c:
        del w
    return w

def except_as():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return err

def loop_unbinds(n):
    out = []
    v = 0
    for i in range(n):
        out.append(v)
        del v
        if i == 0:
            v = 5
    return out

def while_else(n):
    while n:
        n -= 1
        q = n
    else:
        pass
    return q

def match_arm(v):
    match v:
        case [a, b]:
            r = a + b
        case {"k": a}:
            r = a
        case _:
            pass
    return r

class Boom:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return True

def with_raises():
    with Boom():
        raise KeyError
        t = 1
    return t

def bound_everywhere(c):
    if c:
        s = 1
    else:
        s = 2
    for _ in range(2):
        s += 1
    try:
        s += 1
    finally:
        s += 1
    return s

def param_deleted(p):
    del p
    return p

def nested_def():
    def inner():
        return k
    k = 3
    return inner()

for f, args in [(empty_loop, ([],)), (empty_loop, ([1, 2],)), (one_arm, (0,)), (one_arm, (1,)),
                (failed_try, ()), (deleted, (True,)), (deleted, (False,)), (except_as, ()),
                (loop_unbinds, (1,)), (loop_unbinds, (3,)), (while_else, (0,)), (while_else, (2,)),
                (match_arm, ([1, 2],)), (match_arm, ({"k": 9},)), (match_arm, (0,)),
                (with_raises, ()), (bound_everywhere, (0,)), (param_deleted, (1,)), (nested_def, ())]:
    print(f.__name__, args, attempt(f, *args))
