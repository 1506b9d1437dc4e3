# The Python half of Spindle's _codecs: codec and error-handler registries,
# charmap, escape and raw-unicode-escape codecs.

_str = str
_search = []
_cache = {}

def register(search_function, /):
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search.append(search_function)

def unregister(search_function, /):
    try:
        _search.remove(search_function)
    except ValueError:
        pass
    _cache.clear()

def _normalize(encoding):
    return encoding.lower().replace(' ', '_')

def lookup(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    norm = _normalize(encoding)
    r = _cache.get(norm)
    if r is not None:
        return r
    if not _search:
        import encodings  # registers its search function
    for f in _search:
        r = f(norm)
        if r is None:
            continue
        if not isinstance(r, tuple) or len(r) != 4:
            raise TypeError('codec search functions must return 4-tuples')
        _cache[norm] = r
        return r
    raise LookupError(f'unknown encoding: {encoding}')

def _forget_codec(encoding, /):
    _cache.pop(_normalize(encoding), None)

def encode(obj, encoding='utf-8', errors='strict'):
    codec = lookup(encoding)
    res = codec[0](obj, errors)
    if not isinstance(res, tuple) or len(res) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    return res[0]

def decode(obj, encoding='utf-8', errors='strict'):
    codec = lookup(encoding)
    res = codec[1](obj, errors)
    if not isinstance(res, tuple) or len(res) != 2:
        raise TypeError('decoder must return a tuple (object,integer)')
    return res[0]

# ---- error handlers ----

def strict_errors(exc, /):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError('codec must pass exception instance')

def _bad(exc):
    raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")

def ignore_errors(exc, /):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    _bad(exc)

def replace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    _bad(exc)

def xmlcharrefreplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join(f'&#{ord(c)};' for c in exc.object[exc.start:exc.end]), exc.end)
    _bad(exc)

def _bs(cp):
    if cp < 0x100:
        return f'\\x{cp:02x}'
    if cp < 0x10000:
        return f'\\u{cp:04x}'
    return f'\\U{cp:08x}'

def backslashreplace_errors(exc, /):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join(f'\\x{b:02x}' for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_bs(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    _bad(exc)

def namereplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            try:
                out.append('\\N{' + unicodedata.name(c) + '}')
            except ValueError:
                out.append(_bs(ord(c)))
        return (''.join(out), exc.end)
    _bad(exc)

def surrogateescape_errors(exc, /):
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start:exc.end]
        if any(b < 128 for b in bad[:4]):
            raise exc
        return (''.join(chr(0xDC00 + b) for b in bad[:4]), exc.start + min(len(bad), 4))
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xDC80 <= cp <= 0xDCFF:
                raise exc
            out.append(cp - 0xDC00)
        return (bytes(out), exc.end)
    _bad(exc)

def surrogatepass_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        enc = exc.encoding.lower().replace('-', '_')
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xD800 <= cp <= 0xDFFF:
                raise exc
            if enc in ('utf_8', 'utf8'):
                out += bytes([0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)])
            elif enc.startswith('utf_16'):
                out += cp.to_bytes(2, 'big' if enc.endswith('be') else 'little')
            elif enc.startswith('utf_32'):
                out += cp.to_bytes(4, 'big' if enc.endswith('be') else 'little')
            else:
                raise exc
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        b = exc.object[exc.start:exc.start + 3]
        if len(b) == 3 and b[0] & 0xF0 == 0xE0 and b[1] & 0xC0 == 0x80 and b[2] & 0xC0 == 0x80:
            cp = ((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F)
            if 0xD800 <= cp <= 0xDFFF:
                return (chr(cp), exc.start + 3)
        raise exc
    _bad(exc)

_handlers = {
    'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors, 'backslashreplace': backslashreplace_errors,
    'namereplace': namereplace_errors, 'surrogateescape': surrogateescape_errors,
    'surrogatepass': surrogatepass_errors,
}

def register_error(errors, handler, /):
    if not callable(handler):
        raise TypeError('handler must be callable')
    _handlers[errors] = handler

def lookup_error(name, /):
    try:
        return _handlers[name]
    except KeyError:
        raise LookupError(f'unknown error handler name {name!r}') from None

def _unregister_error(errors, /):
    if errors in ('strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
                  'namereplace', 'surrogateescape', 'surrogatepass'):
        raise ValueError(f"cannot un-register built-in error handler {errors!r}")
    return _handlers.pop(errors, None) is not None

def _call_handler(errors, exc):
    res = lookup_error(errors or 'strict')(exc)
    if not isinstance(res, tuple) or len(res) != 2:
        raise TypeError('encoding error handler must return (str/bytes, int) tuple')
    rep, pos = res
    n = len(exc.object)
    if pos < 0:
        pos += n
    if not 0 <= pos <= n:
        raise IndexError(f'position {pos} from error handler out of bounds')
    return rep, pos

def _bytes(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(data)

# ---- charmap ----

def charmap_build(map, /):
    return {ord(c): i for i, c in enumerate(map)}

def charmap_decode(data, errors=None, mapping=None, /):
    data = _bytes(data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    i = 0
    n = len(data)
    is_str = isinstance(mapping, str)
    while i < n:
        b = data[i]
        try:
            ch = mapping[b]
        except (LookupError, IndexError):
            ch = None
        if is_str:
            ok = ch is not None and ch != '\ufffe'
        elif ch is None:
            ok = False
        elif isinstance(ch, int):
            if not 0 <= ch <= 0x10FFFF:
                raise TypeError('character mapping must be in range(0x110000)')
            ch = chr(ch)
            ok = True
        elif isinstance(ch, str):
            ok = ch != '\ufffe'
        else:
            raise TypeError('character mapping must return integer, None or str')
        if ok:
            out.append(ch)
            i += 1
            continue
        exc = UnicodeDecodeError('charmap', data, i, i + 1, 'character maps to <undefined>')
        rep, i = _call_handler(errors, exc)
        out.append(rep)
    return (''.join(out), n)

def charmap_encode(str, errors=None, mapping=None, /):
    if mapping is None:
        return latin_1_encode(str, errors)
    out = bytearray()
    i = 0
    n = len(str)
    def one(c):
        try:
            v = mapping[ord(c)]
        except (LookupError, IndexError):
            return None
        if v is None:
            return None
        if isinstance(v, int):
            if not 0 <= v < 256:
                raise TypeError('character mapping must be in range(256)')
            return bytes([v])
        if isinstance(v, (bytes, bytearray)):
            return bytes(v)
        raise TypeError('character mapping must return integer, bytes or None, not ' + type(v).__name__)
    while i < n:
        b = one(str[i])
        if b is not None:
            out += b
            i += 1
            continue
        j = i + 1
        while j < n and one(str[j]) is None:
            j += 1
        exc = UnicodeEncodeError('charmap', str, i, j, 'character maps to <undefined>')
        rep, i = _call_handler(errors, exc)
        if isinstance(rep, _str):
            for c in rep:
                b = one(c)
                if b is None:
                    raise UnicodeEncodeError('charmap', str, exc.start, exc.end, 'character maps to <undefined>')
                out += b
        else:
            out += rep
    return (bytes(out), n)

# ---- escape codecs ----

_SIMPLE = {ord('\\'): '\\', ord("'"): "'", ord('"'): '"', ord('a'): '\a', ord('b'): '\b',
           ord('f'): '\f', ord('n'): '\n', ord('r'): '\r', ord('t'): '\t', ord('v'): '\v'}

def escape_encode(data, errors=None, /):
    if not isinstance(data, bytes):
        raise TypeError(f"argument 1 must be bytes, not {type(data).__name__}")
    r = repr(data)
    body = r[2:-1]
    if r[1] == '"':
        body = body.replace('\\\'', "'")
    body = body.replace("'", "\\'")
    return (body.encode('latin-1'), len(data))

def _find(data, byte, start):
    # bytes.find(sub, start) without relying on the start argument.
    n = len(data)
    while start < n:
        if data[start] == byte:
            return start
        start += 1
    return -1

def _unescape(data, errors, uni, name):
    if isinstance(data, str):
        data = data.encode('utf-8' if uni else 'latin-1')
    data = _bytes(data)
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b != 0x5C:
            j = _find(data, 0x5C, i)
            if j < 0:
                j = n
            out.append(data[i:j].decode('latin-1'))
            i = j
            continue
        if i + 1 >= n:
            if uni:
                exc = UnicodeDecodeError(name, data, i, n, '\\ at end of string')
                rep, i = _call_handler(errors, exc)
                out.append(rep)
                continue
            raise ValueError('Trailing \\ in string')
        c = data[i + 1]
        if c == 0x0A:
            i += 2
            continue
        if c in _SIMPLE:
            out.append(_SIMPLE[c])
            i += 2
            continue
        if 0x30 <= c <= 0x37:
            j = i + 1
            v = 0
            while j < n and j < i + 4 and 0x30 <= data[j] <= 0x37:
                v = v * 8 + data[j] - 0x30
                j += 1
            out.append(chr(v) if uni else chr(v & 0xFF))
            i = j
            continue
        digits = {0x78: 2, 0x75: 4, 0x55: 8}.get(c) if uni else (2 if c == 0x78 else None)
        if digits:
            h = data[i + 2:i + 2 + digits]
            try:
                if len(h) != digits or not all(chr(x) in '0123456789abcdefABCDEF' for x in h):
                    raise ValueError
                v = int(h, 16)
            except ValueError:
                if not uni:
                    raise ValueError(f'invalid \\x escape at position {i}') from None
                end = i + 2
                while end < n and end < i + 2 + digits and chr(data[end]) in '0123456789abcdefABCDEF':
                    end += 1
                exc = UnicodeDecodeError(name, data, i, end, f'truncated \\{chr(c)}{"X" * digits} escape')
                rep, i = _call_handler(errors, exc)
                out.append(rep)
                continue
            if v > 0x10FFFF:
                exc = UnicodeDecodeError(name, data, i, i + 2 + digits, 'illegal Unicode character')
                rep, i = _call_handler(errors, exc)
                out.append(rep)
                continue
            out.append(chr(v))
            i += 2 + digits
            continue
        if uni and c == 0x4E:
            j = _find(data, 0x7D, i)
            if i + 2 < n and data[i + 2] == 0x7B and j > 0:
                import unicodedata
                try:
                    out.append(unicodedata.lookup(data[i + 3:j].decode('ascii')))
                    i = j + 1
                    continue
                except (KeyError, UnicodeDecodeError):
                    pass
            exc = UnicodeDecodeError(name, data, i, (j + 1) if j > 0 else n, 'malformed \\N character escape')
            rep, i = _call_handler(errors, exc)
            out.append(rep)
            continue
        out.append('\\' + chr(c))
        i += 2
    return ''.join(out), n

def escape_decode(data, errors=None, /):
    s, n = _unescape(data, errors, False, 'escape')
    return (s.encode('latin-1'), n)

def unicode_escape_decode(data, errors=None, final=True, /):
    return _unescape(data, errors, True, 'unicodeescape')

def _uescape(s, raw):
    out = []
    for c in s:
        cp = ord(c)
        if raw:
            if cp < 0x100:
                out.append(chr(cp))
            elif cp < 0x10000:
                out.append(f'\\u{cp:04x}')
            else:
                out.append(f'\\U{cp:08x}')
            continue
        if c == '\\':
            out.append('\\\\')
        elif c == '\t':
            out.append('\\t')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif 0x20 <= cp < 0x7F:
            out.append(c)
        else:
            out.append(_bs(cp))
    return ''.join(out).encode('latin-1')

def unicode_escape_encode(str, errors=None, /):
    return (_uescape(str, False), len(str))

def raw_unicode_escape_encode(str, errors=None, /):
    return (_uescape(str, True), len(str))

def raw_unicode_escape_decode(data, errors=None, final=True, /):
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _bytes(data)
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b == 0x5C and i + 1 < n and data[i + 1] in (0x75, 0x55):
            digits = 4 if data[i + 1] == 0x75 else 8
            h = data[i + 2:i + 2 + digits]
            if len(h) == digits and all(chr(x) in '0123456789abcdefABCDEF' for x in h):
                v = int(h, 16)
                if v <= 0x10FFFF:
                    out.append(chr(v))
                    i += 2 + digits
                    continue
            exc = UnicodeDecodeError('rawunicodeescape', data, i, min(n, i + 2 + digits),
                                     'truncated \\uXXXX escape' if digits == 4 else 'truncated \\UXXXXXXXX escape')
            rep, i = _call_handler(errors, exc)
            out.append(rep)
            continue
        out.append(chr(b))
        i += 1
    return (''.join(out), n)

def readbuffer_encode(data, errors=None, /):
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = bytes(data)
    return (data, len(data))

# ---- utf-7 (RFC 2152, with CPython's choices: set O and whitespace are
# encoded directly only where the decoder would read them back as such) ----

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64VAL = {c: i for i, c in enumerate(_B64)}
_SET_D = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:?")
_SET_O = frozenset(b'!"#$%&*;<=>@[]^_`{|}')
_SET_WS = frozenset(b' \t\r\n')

def _u7_direct(c):
    return c < 128 and (c in _SET_D or c in _SET_O or c in _SET_WS)

def utf_7_encode(str, errors=None, /):
    if not isinstance(str, type('')):
        raise TypeError(f"utf_7_encode() argument 1 must be str, not {type(str).__name__}")
    out = bytearray()
    shift = False
    bits = nbits = 0
    for ch in str:
        c = ord(ch)
        if shift:
            if _u7_direct(c):
                if nbits:
                    out.append(_B64[(bits << (6 - nbits)) & 0x3F])
                shift = False
                bits = nbits = 0
                if c in _B64VAL or c == 0x2D:
                    out.append(0x2D)
                out.append(c)
                continue
        elif c == 0x2B:
            out += b'+-'
            continue
        elif _u7_direct(c):
            out.append(c)
            continue
        else:
            out.append(0x2B)
            shift = True
        if c >= 0x10000:
            c -= 0x10000
            units = (0xD800 | (c >> 10), 0xDC00 | (c & 0x3FF))
        else:
            units = (c,)
        for u in units:
            bits = (bits << 16) | u
            nbits += 16
            while nbits >= 6:
                nbits -= 6
                out.append(_B64[(bits >> nbits) & 0x3F])
            bits &= (1 << nbits) - 1
    if shift:
        if nbits:
            out.append(_B64[(bits << (6 - nbits)) & 0x3F])
        out.append(0x2D)
    return (bytes(out), len(str))

def utf_7_decode(data, errors=None, final=False, /):
    data = _bytes(data)
    n = len(data)
    out = []
    i = 0
    shift = False
    bits = nbits = 0
    surrogate = 0
    shift_start = shift_out = 0
    while i < n:
        ch = data[i]
        err = None
        if shift:
            if ch in _B64VAL:
                bits = (bits << 6) | _B64VAL[ch]
                nbits += 6
                i += 1
                if nbits >= 16:
                    nbits -= 16
                    u = (bits >> nbits) & 0xFFFF
                    bits &= (1 << nbits) - 1
                    if surrogate:
                        if 0xDC00 <= u <= 0xDFFF:
                            out.append(chr(0x10000 + ((surrogate - 0xD800) << 10) + (u - 0xDC00)))
                            surrogate = 0
                            continue
                        out.append(chr(surrogate))
                        surrogate = 0
                    if 0xD800 <= u <= 0xDBFF:
                        surrogate = u
                    else:
                        out.append(chr(u))
                continue
            shift = False
            start = shift_start
            if nbits > 6:
                err = "partial character in shift sequence"
            elif nbits and bits:
                err = "non-zero padding bits in shift sequence"
            else:
                if surrogate:
                    out.append(chr(surrogate))
                    surrogate = 0
                if ch == 0x2D:
                    i += 1
                continue
            i += 1
        elif ch == 0x2B:
            start = i
            i += 1
            if i < n and data[i] == 0x2D:
                i += 1
                out.append('+')
                continue
            if i < n and data[i] not in _B64VAL:
                i += 1
                err = "ill-formed sequence"
            else:
                shift = True
                surrogate = 0
                bits = nbits = 0
                shift_start = start
                shift_out = len(out)
                continue
        elif ch < 128:
            out.append(chr(ch))
            i += 1
            continue
        else:
            start = i
            i += 1
            err = "unexpected special character"
        exc = UnicodeDecodeError('utf7', data, start, i, err)
        rep, i = _call_handler(errors, exc)
        out.append(rep)
    if shift and final:
        shift = False
        if surrogate or nbits >= 6 or (nbits and bits):
            exc = UnicodeDecodeError('utf7', data, shift_start, n, "unterminated shift sequence")
            rep, i = _call_handler(errors, exc)
            out.append(rep)
    if shift:
        del out[shift_out:]
        return (''.join(out), shift_start)
    return (''.join(out), i)

# CPython's codec functions are builtins, which do not bind as methods; the
# Lib relies on that (`class Codec: encode = codecs.utf_7_encode`). Python
# functions would bind, so these are wrapped in (callable) staticmethods.
for _name in ('charmap_build', 'charmap_decode', 'charmap_encode', 'escape_encode',
              'escape_decode', 'unicode_escape_decode', 'unicode_escape_encode',
              'raw_unicode_escape_encode', 'raw_unicode_escape_decode',
              'readbuffer_encode', 'utf_7_encode', 'utf_7_decode'):
    globals()[_name] = staticmethod(globals()[_name])
del _name
