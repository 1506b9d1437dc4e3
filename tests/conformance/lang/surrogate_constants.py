# Pins: lone surrogates in constant tuples (nested, returned, in lists and sets, as match keys) are kept exactly, as CPython's constants keep them.
t = (('\udc81', 'x'), '\udc82')
print(ascii(t))
def f():
    return ('\ud800', ('\udfff',))
print(ascii(f()), ascii(f.__code__.co_consts[-1]))
def g():
    x = ['\udc81', '\udc82', '\udc83', ('\udc84',)]
    return x, {'\udc85', '\udc86', '\udc87'} == {'\udc85', '\udc86', '\udc87'}
print(ascii(g()))
def m(d):
    match d:
        case {'\udc80': v, '\udc81': w}:
            return v, w
    return None
print(m({'\udc80': 1, '\udc81': 2}), m({'\ufffd': 1}))
print(ascii('\udc80' + 'a'), ascii(-1 if '\udc80' == '\udc81' else 1))
