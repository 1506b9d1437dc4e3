# Spindle's _string (Python for Spindle): the parsers behind
# string.Formatter.

def formatter_parser(s, /):
    if not isinstance(s, str):
        raise TypeError(f"descriptor 'formatter_parser' requires a 'str' object but received a '{type(s).__name__}'")
    return _parse(s)

def _parse(s):
    i = 0
    n = len(s)
    lit = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                lit.append('{')
                yield (''.join(lit), None, None, None)
                lit = []
                i += 2
                continue
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            # a replacement field
            j = i + 1
            depth = 1
            field_end = None
            while j < n:
                d = s[j]
                if d == '[':
                    k = s.find(']', j)
                    if k < 0:
                        break
                    j = k + 1
                    continue
                if d == '{':
                    depth += 1
                elif d == '}':
                    depth -= 1
                    if depth == 0:
                        field_end = j
                        break
                j += 1
            if field_end is None:
                raise ValueError("expected '}' before end of string")
            body = s[i + 1:field_end]
            name, conv, spec = _split_field(body)
            yield (''.join(lit), name, spec, conv)
            lit = []
            i = field_end + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                lit.append('}')
                yield (''.join(lit), None, None, None)
                lit = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            lit.append(c)
            i += 1
    if lit:
        yield (''.join(lit), None, None, None)

def _split_field(body):
    # name [! conv] [: spec]; brackets in the name may hold ':' or '!'
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == '[':
            k = body.find(']', i)
            if k < 0:
                break
            i = k + 1
            continue
        if c in '!:':
            break
        i += 1
    name = body[:i]
    conv = None
    spec = ''
    if i < n and body[i] == '!':
        if i + 1 >= n:
            raise ValueError('end of string while looking for conversion specifier')
        conv = body[i + 1]
        i += 2
        if i < n and body[i] != ':':
            raise ValueError('expected \':\' after conversion specifier')
    if i < n and body[i] == ':':
        spec = body[i + 1:]
    return name, conv, spec

def formatter_field_name_split(name, /):
    if not isinstance(name, str):
        raise TypeError(f"descriptor 'formatter_field_name_split' requires a 'str' object but received a '{type(name).__name__}'")
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    return first, _rest(name, i)

def _rest(name, i):
    n = len(name)
    while i < n:
        c = name[i]
        if c == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            yield (True, attr)
            i = j
        elif c == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            yield (False, int(key) if key.isdigit() else key)
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
