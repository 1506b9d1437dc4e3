"""Generates tests/data/*.txt, the expected results of spindle_num's operations,
recorded from CPython 3.14. Each line: op, args..., expected, tab-separated; see
tests/cases.rs for the encoding. Re-record from crates/spindle_num/tests with

    python3 gen_cases.py native          # a native 64-bit CPython (3.11+)
    ../../../../shared/tools/python3.14 gen_cases.py

The reference 3.14 is a 32-bit WebAssembly build: its hashes are 32-bit and its libm
differs from glibc (last-place results, errno), so for the ops in NATIVE_OPS the second
run takes the native result, with 3.11's error wording mapped to 3.14's (WORDING_3_14)."""
import math, random, struct, sys, cmath

random.seed(20240514)
sys.set_int_max_str_digits(4300)

def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\': out.append('\\\\')
        elif ch == '\t': out.append('\\t')
        elif ch == '\n': out.append('\\n')
        elif o < 0x20 or o > 0x7e: out.append('\\u{%x}' % o)
        else: out.append(ch)
    return ''.join(out)

def fbits(x): return 'f:%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def enc(v):
    if isinstance(v, bool): return 'b:%d' % v
    if isinstance(v, int): return 'i:%d' % v
    if isinstance(v, float): return fbits(v)
    if isinstance(v, complex): return 'c:%s,%s' % (fbits(v.real)[2:], fbits(v.imag)[2:])
    if isinstance(v, str): return 's:' + esc(v)
    if isinstance(v, bytes): return 'y:' + v.hex()
    if isinstance(v, tuple): return 't:' + ','.join(enc(x) for x in v)
    if v is None: return 'none'
    raise TypeError(type(v))

def res(f):
    sys.set_int_max_str_digits(4300)
    try:
        v = f()
    except Exception as e:
        return '!%s:%s' % (type(e).__name__, esc(str(e)))
    finally:
        sys.set_int_max_str_digits(0)
    return enc(v)

files = {}
def case(fname, op, *args, f):
    files.setdefault(fname, []).append('\t'.join([op] + [enc(a) for a in args] + [res(f)]))

# ---------- ints ----------
def rand_int():
    k = random.choice([1, 2, 3, 8, 16, 31, 32, 53, 62, 63, 64, 65, 100, 200, 1000])
    v = random.getrandbits(k)
    if random.random() < 0.2: v = (1 << k) - random.choice([0, 1, 2])
    return -v if random.random() < 0.5 else v

specials = [0, 1, -1, 2, -2, 3, 7, -7, 2**31, 2**62-1, -2**62, 2**63-1, -2**63, 2**63, -2**63-1,
            2**64, 2**64-1, 2**53, 2**53+1, -2**53-1, 10**20, -10**20, 10**40+7, 3**100, -(3**100)]
ints = specials + [rand_int() for _ in range(250)]
pairs = [(a, b) for a in specials[:12] for b in specials[:12]] + \
        [(random.choice(ints), random.choice(ints)) for _ in range(300)]
for a, b in pairs:
    case('int', 'add', a, b, f=lambda: a + b)
    case('int', 'sub', a, b, f=lambda: a - b)
    case('int', 'mul', a, b, f=lambda: a * b)
    case('int', 'floordiv', a, b, f=lambda: a // b)
    case('int', 'mod', a, b, f=lambda: a % b)
    case('int', 'divmod', a, b, f=lambda: divmod(a, b))
    case('int', 'truediv', a, b, f=lambda: a / b)
    case('int', 'and', a, b, f=lambda: a & b)
    case('int', 'or', a, b, f=lambda: a | b)
    case('int', 'xor', a, b, f=lambda: a ^ b)
    case('int', 'cmp', a, b, f=lambda: (a > b) - (a < b))
    s = b % 130 if b >= 0 else b % 7 - 3
    case('int', 'lshift', a, s, f=lambda: a << s)
    case('int', 'rshift', a, s, f=lambda: a >> s)
    e = abs(b) % 40 if random.random() < 0.8 else -(abs(b) % 5)
    case('int', 'pow', a, e, f=lambda: a ** e)
    m = random.choice(ints)
    case('int', 'powmod', a, b, m, f=lambda: pow(a, b, m))
for a, b, m in [(2, -1, 4), (3, -1, 7), (3, -2, -7), (0, -1, 1), (0, 0, 1), (5, 3, 0), (-3, 5, 7),
                (2, 10**30, 10**9+7), (10**30, -1, 10**9+7), (0, 0, 5), (4, -1, 6)]:
    case('int', 'powmod', a, b, m, f=lambda: pow(a, b, m))
for a, e in [(0, -1), (2, -2), (-2, -3), (10**400, -1), (0, 0), (-1, 10**30), (1, 10**30), (0, 10**30),
             (-2, 63), (-2, 64), (3, 40), (10, 400), (7, -1)]:
    case('int', 'pow', a, e, f=lambda: a ** e)
for a, b in [(1, 0), (0, -5), (0, 5), (10**400, 1), (1, 10**400), (10**800, 10**400), (2**1100, 3**600),
             (-(2**1100), 3**600), (3, 2**1076), (2**53 + 1, 1), (2**54 + 3, 2), (1, 3 * 2**1074),
             (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1), (2**1024 - 2**971, 1)]:
    case('int', 'truediv', a, b, f=lambda: a / b)
    case('int', 'floordiv', a, b, f=lambda: a // b)
for a, s in [(1, -1), (1, 2**70), (0, 2**70), (5, 2**70), (-5, 2**70), (-1, 1000), (-(2**100), 3),
             (-(2**100) - 1, 100), (-(2**100) - 1, 101), (2**100, 0)]:
    case('int', 'lshift', a, s, f=lambda: a << s)
    case('int', 'rshift', a, s, f=lambda: a >> s)
for a in ints:
    case('int', 'neg', a, f=lambda: -a)
    case('int', 'invert', a, f=lambda: ~a)
    case('int', 'abs', a, f=lambda: abs(a))
    case('int', 'bit_length', a, f=lambda: a.bit_length())
    case('int', 'bit_count', a, f=lambda: a.bit_count())
    case('int', 'float', a, f=lambda: float(a))
    case('int', 'str', a, f=lambda: str(a))
    case('int', 'hex', a, f=lambda: hex(a))
    case('int', 'oct', a, f=lambda: oct(a))
    case('int', 'bin', a, f=lambda: bin(a))
    case('int', 'hash', a, f=lambda: hash(a))
    n = random.choice([0, 1, 2, 4, 8, 9, 16, 40])
    for little in (False, True):
        for signed in (False, True):
            bo = 'little' if little else 'big'
            case('int', 'to_bytes', a, n, little, signed, f=lambda: a.to_bytes(n, bo, signed=signed))
for a in [10**400, -(10**400), 2**1024, 2**1024 - 1, 2**1024 - 2**970, 2**1024 - 2**970 - 1,
          2**1023 * 3 // 2, 2**53 + 1, 2**53 + 3, 2**64 + 2**11, 2**64 + 2**11 + 1, 2**64 + 3 * 2**11]:
    case('int', 'float', a, f=lambda: float(a))
for i in range(100):
    b = bytes(random.getrandbits(8) for _ in range(random.choice([0, 1, 2, 7, 8, 9, 20])))
    for little in (False, True):
        for signed in (False, True):
            case('int', 'from_bytes', b, little, signed, f=lambda: int.from_bytes(b, 'little' if little else 'big', signed=signed))
# int vs float comparison
cmpf = [(2**53 + 1, 2.0**53), (2**53, 2.0**53), (-(2**53) - 1, -2.0**53), (10**400, 1e308), (1, 1.5), (1, 0.5),
        (2, float('nan')), (10**400, float('inf')), (-(10**400), float('-inf')), (0, -0.0), (-1, -1.5),
        (-2, -1.5), (2**64, 18446744073709551616.0), (2**64 + 1, 18446744073709551616.0), (2**64 - 1, 18446744073709551616.0)]
for _ in range(100):
    x = random.choice([random.uniform(-1e20, 1e20), float(random.randint(-2**60, 2**60)), random.uniform(-10, 10)])
    a = int(x) + random.choice([-1, 0, 0, 1])
    cmpf.append((a, x))
for a, x in cmpf:
    case('int', 'cmpf', a, x, f=lambda: None if x != x else (a > x) - (a < x))
for x in [0.0, -0.0, 1.5, -1.5, 1e300, -1e300, 2.0**63, -2.0**63, 2.0**64, 0.999, 1e-300, float('inf'), float('-inf'), float('nan'), 4503599627370497.0]:
    case('int', 'from_float', x, f=lambda: int(x))

# ---------- int parsing ----------
parse_cases = [('0', 0), ('-0', 0), ('  12  ', 10), ('+12', 10), ('1_000', 10), ('1__000', 10), ('_1', 10), ('1_', 10),
    ('0x1f', 16), ('0X1F', 0), ('0x_1f', 0), ('0x_1f', 16), ('0x__1f', 16), ('0x', 16), ('0x', 0), ('0b101', 0), ('0b101', 16),
    ('0o17', 0), ('0o17', 8), ('017', 0), ('00', 0), ('0_0', 0), ('0_1', 0), ('010', 10), ('z', 36), ('Z', 36), ('10', 2),
    ('12', 2), ('x', 10), ('', 10), ('  ', 10), ('-', 10), ('+-1', 10), ('1 2', 10), ('\u0663\u0664', 10), ('\u2003 42\u3000', 10),
    ('\xa0-7\x1c', 10), ('1', 1), ('1', 37), ('1', 0), ('9'*30, 10), ('-' + '7'*50, 8), ('1'*5000, 10), ('1_' * 4400 + '1', 10),
    ('1'*5000, 16), ('1'*4300, 10), ('1'*4301, 10), ('x'*300, 10), ("it's", 10), ('a\nb', 10), ('\x00', 10), ('\u00e9', 10),
    ('0b', 2), ('0b_', 2), ('0b1_', 2), ('1e5', 10), ('1.0', 10), ('0x1.8', 16), (' 0o_7', 0), ('٣', 0), ('١٢', 16),
    ('12\u0661', 10)]
for s, base in parse_cases:
    case('intparse', 'int', s, base, f=lambda: int(s, base))

# ---------- floats ----------
def rand_float():
    r = random.random()
    if r < 0.3:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if r < 0.5:
        return random.uniform(-1000, 1000)
    if r < 0.7:
        return round(random.uniform(-1e6, 1e6), random.randint(0, 6))
    if r < 0.8:
        return random.randint(-10**6, 10**6) / random.choice([1, 2, 4, 8, 10, 100, 1000, 3])
    return random.choice([1.0, 10.0]) * 10.0 ** random.randint(-30, 30) * random.choice([1, -1, 1.5, 1.25, 9.999])

fspecial = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 9999999999999998.0,
    1e-4, 1e-5, 0.0001, 0.00001234, 123456789.0, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
    2.225073858507201e-308, float('inf'), float('-inf'), float('nan'), 1e100, 1.5e-5, 12345.678, 0.125, 0.375,
    2.0**52, 2.0**53, 2.0**63, 2.0**64, 123.456, -123.456, 1e300, 4.35, 2.675, 0.5e-300, 3.14159, 100.0, 1e-7]
floats = fspecial + [rand_float() for _ in range(700)]
for x in floats:
    case('float', 'repr', x, f=lambda: repr(x))
    case('float', 'hex', x, f=lambda: x.hex())
    case('float', 'ratio', x, f=lambda: x.as_integer_ratio())
    case('float', 'is_integer', x, f=lambda: x.is_integer())
    case('float', 'round0', x, f=lambda: round(x))
    case('float', 'floor', x, f=lambda: math.floor(x))
    case('float', 'ceil', x, f=lambda: math.ceil(x))
    case('float', 'trunc', x, f=lambda: math.trunc(x))
    case('float', 'frexp', x, f=lambda: math.frexp(x))
    case('float', 'hash', x, f=lambda: hash(x) if x == x else None)
    n = random.choice([0, 1, 2, 3, 5, 10, 17, -1, -2, -5, 300, 330, -320, -308])
    case('float', 'round', x, n, f=lambda: round(x, n))
    n2 = random.choice([0, 1, 5, 52, 100, 1023, 1024, -1, -1074, -1075, -2000, 2000])
    case('float', 'ldexp', x, n2, f=lambda: math.ldexp(x, n2))
    case('float', 'fromhex', x.hex(), f=lambda: float.fromhex(x.hex()))
    case('float', 'parse', repr(x), f=lambda: float(repr(x)))
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, 0), (1.5e300, -299), (1.7976931348623157e308, -308),
             (5e-324, 323), (5e-324, 400), (1.5, 10**6), (12345.0, -3), (-0.5, 0), (0.5, 0), (-2.5, -1), (15.0, -1), (25.0, -1)]:
    case('float', 'round', x, n, f=lambda: round(x, n))
pairs = [(a, b) for a in fspecial[:12] + fspecial[27:30] for b in fspecial[:12] + fspecial[27:30]] + \
        [(random.choice(floats), random.choice(floats)) for _ in range(500)] + \
        [(-1e-300, 1e300), (1e-300, -1e300), (-7.0, 2.0), (7.0, -2.0), (-7.5, 2.0), (1.0, 0.1), (0.3, 0.1), (-0.0, 5.0), (0.0, -5.0)]
for a, b in pairs:
    case('float', 'floordiv', a, b, f=lambda: a // b)
    case('float', 'mod', a, b, f=lambda: a % b)
    case('float', 'divmod', a, b, f=lambda: divmod(a, b))
    case('float', 'pow', a, b, f=lambda: 'complex' if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b) else a ** b)
    case('float', 'fmod', a, b, f=lambda: math.fmod(a, b))
for a, b in [(-8.0, 1/3), (-1.0, 0.5), (0.0, -1.0), (-0.0, -3.0), (-0.0, 3.0), (-0.0, 2.0), (10.0, 400.0), (-10.0, 401.0),
             (2.0, -1100.0), (float('-inf'), 3.0), (float('-inf'), 2.0), (float('-inf'), -3.0), (float('-inf'), 0.5), (-1.0, float('inf')),
             (1.0, float('nan')), (float('nan'), 0.0), (-2.0, 3.0), (-2.0, 4.0), (-0.5, float('-inf'))]:
    case('float', 'pow', a, b, f=lambda: 'complex' if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b) else a ** b)
parse = ['1', ' 1.5 ', '-1.5e3', '1_000.5', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1e_10', '.5', '5.', '.', 'e5', '1e',
    '1e+', 'inf', '-INF', 'Infinity', '+iNfInItY', 'nan', '-nan', 'NaN', 'infinit', 'nana', '0x10', '1e400', '-1e400', '1e-400',
    '2.4703282292062328e-324', '2.4703282292062327e-324', '\u0663.\u0665', '\u2003 2.5\u3000', '', ' ', 'x', '1.5j', 'in_f',
    '1' * 400, '0.' + '0' * 400 + '1', '9007199254740993', '1e99999999999999999999', '1e-99999999999999999999', '+.5e-1', '- 1']
for s in parse:
    case('float', 'parse', s, f=lambda: float(s))
hexs = ['0x1p0', '0x1.8p1', '1', '-0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x1p-1076', '0x3p-1076',
        '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x1p1024', 'inf', '-Infinity', 'nan', ' 0x.8p1 ', '0x.p1',
        '0x1p', '0x1p+', 'x', '', '0X1P+3', '1.', '.1', 'ff', '0x1.8', '0x1p99999999999999999999999', '0x0p99999999999999999999',
        '0x' + 'f' * 300, '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.000000000000080001p0']
for s in hexs:
    case('float', 'fromhex', s, f=lambda: float.fromhex(s))
fs = [[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [0.1] * 10, [1e308, 1e308], [float('inf'), float('-inf')],
      [float('inf'), 1.0], [float('nan'), 1.0], [], [1.0, 1e-16, 1e-16], [2.0**53, 1.0, 2.0**-53]]
for _ in range(50):
    fs.append([random.uniform(-1, 1) * 10.0 ** random.randint(-20, 20) for _ in range(random.randint(1, 20))])
for v in fs:
    case('float', 'fsum', tuple(v), f=lambda: math.fsum(v))

# ---------- complex ----------
cvals = [complex(a, b) for a in [0.0, -0.0, 1.0, -2.5, 1e16, float('inf'), float('-inf'), float('nan'), 1e-300, 3.0]
         for b in [0.0, -0.0, 1.0, -2.5, 1e16, float('inf'), float('nan'), 1e300]]
for z in cvals:
    case('complex', 'repr', z, f=lambda: repr(z))
for _ in range(300):
    a = random.choice(cvals + [complex(rand_float(), rand_float()) for _ in range(5)])
    b = random.choice(cvals + [complex(rand_float(), rand_float()) for _ in range(5)])
    case('complex', 'quot', a, b, f=lambda: a / b)
    case('complex', 'pow', a, b, f=lambda: a ** b)
    r = random.choice([0.0, -0.0, 1.0, -2.0, float('inf'), float('nan'), 3.5])
    case('complex', 'quot_real', a, r, f=lambda: a / r)
    case('complex', 'rquot', r, b, f=lambda: r / b)
    case('complex', 'hash', a, f=lambda: hash(a) if a == a else None)
for a, n in [(1+1j, 2.0), (1+1j, -3.0), (0j, -1.0), (0j, 0.0), (0j, 2.0), (1e300+1e300j, 2.0), (2j, 100.0), (2j, 101.0),
             (1.5 - 0.5j, 17.0), (-1 + 0j, 0.5), (1e200j, 2.0), (complex(float('inf'), 0), 2.0), (0j, 1j), (0j, 0.5)]:
    case('complex', 'pow', a, complex(n), f=lambda: a ** complex(n))
cparse = ['1', '1j', 'j', '-j', '+j', '1+j', '1-j', '1+2j', '(1+2j)', ' ( 1+2j ) ', '(1+2j', '1+2j)', '1+2', '2j+1', 'inf',
          'infj', '-infj', 'nan+nanj', '1e5+1e-5j', '1.e5J', '1_0+2_0j', '1__0j', '', '()', ' ', 'x', '1+2jj', '1 + 2j',
          '-1.5-2.5j', '+1.5e+3+1.5e-3J', 'infinityj', '1+infinityj', '1e400j', '\u0663+\u0664j', 'j1', '1j+1', '(j)', '0j', '-0-0j']
for s in cparse:
    case('complex', 'parse', s, f=lambda: complex(s))

# ---------- format() ----------
fixed_specs = ['06,', '07,', '08,', '09,', '010,', '0=10,', '0>10,', '0<10,', 'x=10,', '010_x', '09_b', '#010_x', '#011_x', '+08,d',
    '08_', ',.,', '.,d', '.,', '.,f', ',.2,f', '.2,e', '.3,g', '.,%', '.,n', '._x', '_.3_', '.3_', '10.3,f', '#x', '#X', '#o', '#b',
    'c', '=5c', '>5c', '-c', ' c', '#c', 'z', 'n', '_n', '_s', ',s', 's', '', '=', '+s', 'zs', '#s', '=10s', '0', '.0', '.0e', '#.0e',
    '.0f', '#.0f', '.0%', '#.0g', '#g', '#', '#.3', '.3', '%', 'e', 'E', 'F', 'G', 'g', 'f', 'abc', ',,', ',_', '_,', '.', '.x', '1234567890123456789012',
    '.1234567890123456789012', '\x01', 'q', '*^12.5e', '\u00e9<9', '.10,f', '.10_e', '.12,g', '_.8_%', ',.20,f', 'z.2f', 'z.0f', 'z.3e', 'z',
    ' 015,.3f', '+#012_x', '-#o', ' #b', '=+12,', '^+12,.2f', '<10', '>10', '^10', '^11', '*<7', '0^9', '.100f', '.30e', '.25g', '#.25g']
fvals = [0.0, -0.0, 1.0, -1.0, 1234.5678, -1234.5678, 0.5, 2.5, 1e16, 1e-5, 123456789.123, float('nan'), float('inf'), float('-inf'),
         1e300, 5e-324, 0.1, -0.0004, 100.0, 1e22, 12345678.9, 9.9999, 0.00012345]
ivals = [0, 1, -1, 7, -42, 255, 1234, -1234567, 2**63, -(2**100), 65, 0x10FFFF, 0x110000, 10**30]
cvals2 = [0j, 1+2j, -1.5-2.5j, complex(-0.0, -0.0), 1234.5+6789.25j, 1j, complex(0.0, -3.0), complex(float('nan'), float('inf')), 1e20+1e-20j, 3+0j]
svals = ['', 'ab', 'hello world', '\u00e9t\u00e9', '\U0001f600x']
def rand_spec():
    p = []
    r = random.random
    if r() < 0.3: p.append(random.choice(['', '*', '0', 'x', ' ', '\u00e9']) + random.choice('<>=^'))
    if r() < 0.3: p.append(random.choice('+- '))
    if r() < 0.1: p.append('z')
    if r() < 0.2: p.append('#')
    if r() < 0.2: p.append('0')
    if r() < 0.5: p.append(str(random.randint(0, 25)))
    if r() < 0.25: p.append(random.choice(',_'))
    if r() < 0.4: p.append('.' + str(random.randint(0, 20)))
    if r() < 0.1: p.append(random.choice(',_'))
    if r() < 0.8: p.append(random.choice('bcdoxXneEfFgG%s'))
    return ''.join(p)
specs = fixed_specs + [rand_spec() for _ in range(250)]
for spec in specs:
    for v in ivals:
        case('format', 'int', v, spec, f=lambda: format(v, spec))
    for v in fvals:
        case('format', 'float', v, spec, f=lambda: format(v, spec))
    for v in cvals2:
        case('format', 'complex', v, spec, f=lambda: format(v, spec))
    for v in svals:
        case('format', 'str', v, spec, f=lambda: format(v, spec))
for v, spec in [(10**5000, 'd'), (10**5000, ','), (10**5000, 'x'), (10**400, 'e'), (10**400, '.3'), (2**1000, '.5e'), (1.5, '.1000f'), (5e-324, '.1100e'),
                (1e300, 'f'), (0.5, '.0f'), (1.5, '.0f'), (2.5, '.0f'), (2.5, '.0e'), (0.125, '.2f'), (0.375, '.2f'), (2.675, '.2f'), (1e23, '.17g'), (2**53 + 1, 'e')]:
    case('format', 'int' if isinstance(v, int) else 'float', v, spec, f=lambda: format(v, spec))

# ---------- printf-style % ----------
pflags = ['', '-', '+', ' ', '#', '0', '-0', '+0', ' 0', '#0', '+#', '-#', '+ ']
for fl in pflags:
    for w in ['', '1', '8']:
        for p in ['', '.0', '.3']:
            for c in 'diuoxX':
                for v in [0, 7, -7, 255, -255, 2**70, -(2**70)]:
                    spec = fl + w + p + c
                    case('printf', 'int', spec, v, f=lambda: ('%' + spec) % v)
            for c in 'eEfFgG':
                for v in [0.0, -0.0, 1.5, -1.5, 1e16, 1e-5, 123.456, float('inf'), float('-inf'), float('nan'), 2.5, 1e300]:
                    spec = fl + w + p + c
                    case('printf', 'float', spec, v, f=lambda: ('%' + spec) % v)
            for v in [65, 0x1F600, 0, 0x110000, -1]:
                spec = fl + w + p + 'c'
                case('printf', 'char', spec, v, f=lambda: ('%' + spec) % v)
for spec, v in [('d', 10**5000), ('x', 10**5000), ('.100d', 5), ('.30e', 1/3), ('.50f', 0.1), ('#.0e', 2.5), ('#g', 1.0), ('.0g', 0.0)]:
    case('printf', 'int' if isinstance(v, int) else 'float', spec, v, f=lambda: ('%' + spec) % v)
for t in ['%d', '%x', '%c', '%f']:
    for v in ['x', 'ab', 1.5, None]:
        case('printf', 'typeerror', t, v, f=lambda: t % v)

# ---------- write ----------
import os
NATIVE_OPS = {('int', 'hash'), ('float', 'hash'), ('complex', 'hash'), ('float', 'pow'), ('complex', 'pow')}
WORDING_3_14 = {'0.0 to a negative or complex power': 'zero to a negative or complex power',
                '0.0 cannot be raised to a negative power': 'zero to a negative power',
                'complex division by zero': 'division by zero'}
NATIVE_DIR = '/tmp/spindle_num_native'
native = len(sys.argv) > 1 and sys.argv[1] == 'native'
out_dir = NATIVE_DIR if native else 'data'
if not native:
    for name, lines in files.items():
        path = os.path.join(NATIVE_DIR, name + '.txt')
        if not os.path.exists(path):
            print('warning: no native results for', name)
            continue
        nlines = [l for l in open(path).read().split('\n')[1:] if l]
        assert len(nlines) == len(lines), name
        for i, (mine, theirs) in enumerate(zip(lines, nlines)):
            a, b = mine.split('\t'), theirs.split('\t')
            assert a[:-1] == b[:-1], (a, b)
            if (name, a[0]) in NATIVE_OPS:
                for old, new in WORDING_3_14.items():
                    theirs = theirs.replace(old, new)
                lines[i] = theirs
os.makedirs(out_dir, exist_ok=True)
for name, lines in files.items():
    with open(os.path.join(out_dir, '%s.txt' % name), 'w') as fh:
        fh.write('# generated by gen_cases.py with CPython %s; do not edit\n' % sys.version.split()[0])
        fh.write('\n'.join(lines) + '\n')
print({k: len(v) for k, v in files.items()})
