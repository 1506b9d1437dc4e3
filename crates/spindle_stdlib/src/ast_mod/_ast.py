# _ast for Spindle: the AST node classes that Lib/ast.py re-exports with
# `from _ast import *`, and the PyCF_* compile flags. Written for Spindle
# from the documented 3.14 abstract grammar (see the `ast` module docs).
#
# Node construction follows 3.13+ rules: positional arguments fill _fields
# in order; a missing optional field becomes None, a missing list field [],
# a missing expr_context Load(); an unknown keyword or a missing required
# field is a DeprecationWarning.

PyCF_ONLY_AST = 0x400
PyCF_TYPE_COMMENTS = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000
PyCF_OPTIMIZED_AST = 0x8000 | PyCF_ONLY_AST

# class -> {field: kind}; kind is '' (required), '?' (optional), '*' (list),
# '?*' (list of optional items) or 'ctx' (expr_context, defaults to Load()).
_KINDS = {}


def _kinds_of(cls):
    for k in cls.__mro__:
        d = _KINDS.get(k)
        if d is not None:
            return d
    return {}


def _warn(msg):
    import warnings
    warnings.warn(msg, DeprecationWarning, stacklevel=3)


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        cls = type(self)
        name = cls.__name__
        fields = cls._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{name} constructor takes at most {n} positional "
                            f"argument{'' if n == 1 else 's'}")
        for f, v in zip(fields, args):
            setattr(self, f, v)
        given = set(fields[:len(args)])
        attrs = cls._attributes
        for k, v in kwargs.items():
            if k in given:
                raise TypeError(f"{name} got multiple values for argument {k!r}")
            if k not in fields and k not in attrs:
                _warn(f"{name}.__init__ got an unexpected keyword argument {k!r}. "
                      "Support for arbitrary keyword arguments is deprecated "
                      "and will be removed in Python 3.15.")
            setattr(self, k, v)
            given.add(k)
        kinds = None
        for f in fields:
            if f in given:
                continue
            if kinds is None:
                kinds = _kinds_of(cls)
            kind = kinds.get(f)
            if kind == '?':
                setattr(self, f, None)
            elif kind == '*' or kind == '?*':
                setattr(self, f, [])
            elif kind == 'ctx':
                setattr(self, f, Load())
            elif kind == '':
                _warn(f"{name}.__init__ missing 1 required positional argument: {f!r}. "
                      "This will become an error in Python 3.15.")

    def __reduce__(self):
        cls = type(self)
        kinds = _kinds_of(cls)
        n = 0
        for i, f in enumerate(cls._fields):
            if kinds.get(f) == '':
                n = i + 1
        state = {k: v for k, v in getattr(self, '__dict__', {}).items()
                 if v is not None or kinds.get(k) != '?'}
        return (cls, (None,) * n, state)

    # FIXME(vm): object.__reduce_ex__ looks up copyreg.__reduce_ex__ (which
    # does not exist) instead of calling an overriding __reduce__; until that
    # is fixed, route pickle/copy to __reduce__ here. CPython has no such
    # method on AST.
    def __reduce_ex__(self, protocol):
        return self.__reduce__()

    def __replace__(self, **changes):
        cls = type(self)
        name = cls.__name__
        fields = cls._fields
        attrs = cls._attributes
        for k in changes:
            if k not in fields and k not in attrs:
                raise TypeError(f"{name}.__replace__ got an unexpected keyword argument {k!r}.")
        kw = {}
        missing = []
        kinds = _kinds_of(cls)
        for f in fields:
            if f in changes:
                kw[f] = changes[f]
            elif hasattr(self, f):
                kw[f] = getattr(self, f)
            elif kinds.get(f) == '':
                missing.append(f)
        if missing:
            n = len(missing)
            raise TypeError(f"{name}.__replace__ missing {n} keyword argument"
                            f"{'' if n == 1 else 's'}: "
                            + ', '.join(repr(m) for m in missing) + ".")
        own = getattr(self, '__dict__', {})
        for a in attrs:
            if a in changes:
                kw[a] = changes[a]
            elif a in own:
                kw[a] = own[a]
        return cls(**kw)

    def __repr__(self):
        return _repr(self, 0)


def _repr(node, depth):
    cls = type(node)
    if depth >= 3:
        return f"{cls.__name__}(...)"
    parts = []
    for f in cls._fields:
        try:
            v = getattr(node, f)
        except AttributeError:
            continue
        parts.append(f"{f}={_repr_value(v, depth + 1)}")
    return f"{cls.__name__}({', '.join(parts)})"


def _repr_value(v, depth):
    if isinstance(v, AST):
        return _repr(v, depth)
    if isinstance(v, list):
        if len(v) > 2:
            return f"[{_repr_value(v[0], depth)}, ..., {_repr_value(v[-1], depth)}]"
        return '[' + ', '.join(_repr_value(x, depth) for x in v) + ']'
    return repr(v)


AST.__module__ = 'ast'

_POS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')

# Each group: (base class name, its _attributes, its node classes). A node is
# 'Name' or 'Name: field:type field:type?' with a type suffix of '?'
# (optional), '*' (list) or '?*' (list of optional items). Types are node
# base names, or identifier/string (str), int, constant (any object).
_GROUPS = (
    ('mod', (), (
        'Module: body:stmt* type_ignores:type_ignore*',
        'Interactive: body:stmt*',
        'Expression: body:expr',
        'FunctionType: argtypes:expr* returns:expr',
    )),
    ('stmt', _POS, (
        'FunctionDef: name:identifier args:arguments body:stmt* decorator_list:expr* '
        'returns:expr? type_comment:string? type_params:type_param*',
        'AsyncFunctionDef: name:identifier args:arguments body:stmt* decorator_list:expr* '
        'returns:expr? type_comment:string? type_params:type_param*',
        'ClassDef: name:identifier bases:expr* keywords:keyword* body:stmt* '
        'decorator_list:expr* type_params:type_param*',
        'Return: value:expr?',
        'Delete: targets:expr*',
        'Assign: targets:expr* value:expr type_comment:string?',
        'TypeAlias: name:expr type_params:type_param* value:expr',
        'AugAssign: target:expr op:operator value:expr',
        'AnnAssign: target:expr annotation:expr value:expr? simple:int',
        'For: target:expr iter:expr body:stmt* orelse:stmt* type_comment:string?',
        'AsyncFor: target:expr iter:expr body:stmt* orelse:stmt* type_comment:string?',
        'While: test:expr body:stmt* orelse:stmt*',
        'If: test:expr body:stmt* orelse:stmt*',
        'With: items:withitem* body:stmt* type_comment:string?',
        'AsyncWith: items:withitem* body:stmt* type_comment:string?',
        'Match: subject:expr cases:match_case*',
        'Raise: exc:expr? cause:expr?',
        'Try: body:stmt* handlers:excepthandler* orelse:stmt* finalbody:stmt*',
        'TryStar: body:stmt* handlers:excepthandler* orelse:stmt* finalbody:stmt*',
        'Assert: test:expr msg:expr?',
        'Import: names:alias*',
        'ImportFrom: module:identifier? names:alias* level:int?',
        'Global: names:identifier*',
        'Nonlocal: names:identifier*',
        'Expr: value:expr',
        'Pass', 'Break', 'Continue',
    )),
    ('expr', _POS, (
        'BoolOp: op:boolop values:expr*',
        'NamedExpr: target:expr value:expr',
        'BinOp: left:expr op:operator right:expr',
        'UnaryOp: op:unaryop operand:expr',
        'Lambda: args:arguments body:expr',
        'IfExp: test:expr body:expr orelse:expr',
        'Dict: keys:expr?* values:expr*',
        'Set: elts:expr*',
        'ListComp: elt:expr generators:comprehension*',
        'SetComp: elt:expr generators:comprehension*',
        'DictComp: key:expr value:expr generators:comprehension*',
        'GeneratorExp: elt:expr generators:comprehension*',
        'Await: value:expr',
        'Yield: value:expr?',
        'YieldFrom: value:expr',
        'Compare: left:expr ops:cmpop* comparators:expr*',
        'Call: func:expr args:expr* keywords:keyword*',
        'FormattedValue: value:expr conversion:int format_spec:expr?',
        'Interpolation: value:expr str:constant conversion:int format_spec:expr?',
        'JoinedStr: values:expr*',
        'TemplateStr: values:expr*',
        'Constant: value:constant kind:string?',
        'Attribute: value:expr attr:identifier ctx:expr_context',
        'Subscript: value:expr slice:expr ctx:expr_context',
        'Starred: value:expr ctx:expr_context',
        'Name: id:identifier ctx:expr_context',
        'List: elts:expr* ctx:expr_context',
        'Tuple: elts:expr* ctx:expr_context',
        'Slice: lower:expr? upper:expr? step:expr?',
    )),
    ('expr_context', (), ('Load', 'Store', 'Del')),
    ('boolop', (), ('And', 'Or')),
    ('operator', (), ('Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift',
                      'RShift', 'BitOr', 'BitXor', 'BitAnd', 'FloorDiv')),
    ('unaryop', (), ('Invert', 'Not', 'UAdd', 'USub')),
    ('cmpop', (), ('Eq', 'NotEq', 'Lt', 'LtE', 'Gt', 'GtE', 'Is', 'IsNot', 'In', 'NotIn')),
    (None, (), ('comprehension: target:expr iter:expr ifs:expr* is_async:int',)),
    ('excepthandler', _POS, ('ExceptHandler: type:expr? name:identifier? body:stmt*',)),
    (None, (), ('arguments: posonlyargs:arg* args:arg* vararg:arg? kwonlyargs:arg* '
                'kw_defaults:expr?* kwarg:arg? defaults:expr*',)),
    (None, _POS, ('arg: arg:identifier annotation:expr? type_comment:string?',
                  'keyword: arg:identifier? value:expr',
                  'alias: name:identifier asname:identifier?')),
    (None, (), ('withitem: context_expr:expr optional_vars:expr?',
                'match_case: pattern:pattern guard:expr? body:stmt*')),
    ('pattern', _POS, (
        'MatchValue: value:expr',
        'MatchSingleton: value:constant',
        'MatchSequence: patterns:pattern*',
        'MatchMapping: keys:expr* patterns:pattern* rest:identifier?',
        'MatchClass: cls:expr patterns:pattern* kwd_attrs:identifier* kwd_patterns:pattern*',
        'MatchStar: name:identifier?',
        'MatchAs: pattern:pattern? name:identifier?',
        'MatchOr: patterns:pattern*',
    )),
    ('type_ignore', (), ('TypeIgnore: lineno:int tag:string',)),
    ('type_param', _POS, (
        'TypeVar: name:identifier bound:expr? default_value:expr?',
        'ParamSpec: name:identifier default_value:expr?',
        'TypeVarTuple: name:identifier default_value:expr?',
    )),
)

_BUILTIN_TYPES = {'identifier': str, 'string': str, 'int': int, 'constant': object}


def _parse_spec(spec):
    name, _, rest = spec.partition(':')
    fields = []
    for item in rest.split():
        f, _, t = item.partition(':')
        kind = ''
        while t and t[-1] in '?*':
            kind = t[-1] + kind
            t = t[:-1]
        fields.append((f, t, kind))
    return name.strip(), fields


def _sig(name, fields):
    if not fields:
        return name
    return name + '(' + ', '.join(f"{t}{k} {f}" for f, t, k in fields) + ')'


def _build():
    g = globals()
    pending = []  # (class, fields) whose _field_types need every class made
    for base_name, attrs, nodes in _GROUPS:
        parsed = [_parse_spec(s) for s in nodes]
        if base_name is not None:
            if all(not fs for _, fs in parsed):
                sep = ' | '
            else:
                sep = '\n' + ' ' * (len(base_name) + 1) + '| '
            doc = base_name + ' = ' + sep.join(_sig(n, fs) for n, fs in parsed)
            ns = {'__module__': 'ast', '__doc__': doc, '_fields': (), '_attributes': attrs,
                  '__match_args__': ()}
            if attrs:
                ns['end_lineno'] = None
                ns['end_col_offset'] = None
            base = type(base_name, (AST,), ns)
            g[base_name] = base
        else:
            base = AST
        for name, fields in parsed:
            ns = {'__module__': 'ast', '__doc__': _sig(name, fields),
                  '_fields': tuple(f for f, _, _ in fields),
                  '__match_args__': tuple(f for f, _, _ in fields)}
            if base is AST:
                ns['_attributes'] = attrs
                if attrs:
                    ns['end_lineno'] = None
                    ns['end_col_offset'] = None
            kinds = {}
            for f, t, k in fields:
                if t == 'expr_context' and not k:
                    k = 'ctx'
                kinds[f] = k
                if k == '?':
                    ns[f] = None
            cls = type(name, (base,), ns)
            _KINDS[cls] = kinds
            g[name] = cls
            pending.append((cls, fields))
    for cls, fields in pending:
        ft = {}
        for f, t, k in fields:
            typ = _BUILTIN_TYPES.get(t) or g[t]
            try:
                if k == '?':
                    typ = typ | None
                elif k:
                    typ = list[typ]
            except Exception:
                pass
            ft[f] = typ
        cls._field_types = ft


_build()
del _build


def _check_positions(node):
    # CPython's AST validator, in its order (preorder; a missing field
    # anywhere before a bad range): every stmt/expr/... node needs its lineno
    # and col_offset, and the nodes it checks must span a valid range.
    ranged = (stmt, expr, excepthandler, pattern, type_param)
    bad_range = None
    todo = [(node, False)]
    while todo:
        n, listed_arg = todo.pop()
        if not isinstance(n, AST):
            continue
        cls = type(n)
        if 'lineno' in cls._attributes:
            for attr in ('lineno', 'col_offset'):
                if not hasattr(n, attr):
                    base = cls.__mro__[1].__name__ if cls.__mro__[1] is not AST else cls.__name__
                    raise TypeError(f'required field "{attr}" missing from {base}')
            if bad_range is None and (listed_arg or isinstance(n, ranged)):
                bad_range = _check_range(n)
        fields = cls._fields
        for i in range(len(fields) - 1, -1, -1):
            v = getattr(n, fields[i], None)
            if isinstance(v, list):
                # arguments' positional and keyword-only args are checked,
                # not *args and **kwargs (as CPython).
                flag = cls is arguments and fields[i] in ('posonlyargs', 'args', 'kwonlyargs')
                for j in range(len(v) - 1, -1, -1):
                    todo.append((v[j], flag))
            elif isinstance(v, AST):
                todo.append((v, False))
    if bad_range is not None:
        raise ValueError(bad_range)


def _check_range(n):
    # CPython's message for n's invalid range, or None.
    line, col = n.lineno, n.col_offset
    end_line = getattr(n, 'end_lineno', None)
    end_col = getattr(n, 'end_col_offset', None)
    if end_line is None:
        end_line = line
    if end_col is None:
        end_col = col
    if not all(isinstance(v, int) for v in (line, col, end_line, end_col)):
        return
    line, col, end_line, end_col = int(line), int(col), int(end_line), int(end_col)
    if line > end_line:
        return f"AST node line range ({line}, {end_line}) is not valid"
    if (line < 0 and end_line != line) or (col < 0 and col != end_col):
        return (f"AST node column range ({col}, {end_col}) for line range "
                f"({line}, {end_line}) is not valid")
    if line == end_line and col > end_col:
        return f"line {line}, column {col}-{end_col} is not a valid range"
    return None


def _position_pairs(tree, text_tree):
    # Walks `tree` and `text_tree` (its unparsed text, re-parsed) side by
    # side, in preorder, skipping subtrees whose shapes differ: for each node
    # with a position, its position in the text then in the tree, as a flat
    # tuple (what _compile_relocated takes). A missing end is the start, as
    # CPython.
    out = []
    todo = [(tree, text_tree)]
    while todo:
        a, b = todo.pop()
        cls = type(a)
        if cls is not type(b) or not isinstance(a, AST):
            continue
        if 'lineno' in cls._attributes:
            line = getattr(a, 'lineno', None)
            col = getattr(a, 'col_offset', None)
            if type(line) is int and type(col) is int:
                end_line = getattr(a, 'end_lineno', None)
                end_col = getattr(a, 'end_col_offset', None)
                out += (b.lineno, b.col_offset, b.end_lineno, b.end_col_offset, line, col,
                        line if end_line is None else end_line,
                        col if end_col is None else end_col)
        fields = cls._fields
        for i in range(len(fields) - 1, -1, -1):
            va = getattr(a, fields[i], None)
            if isinstance(va, list):
                vb = getattr(b, fields[i], None)
                if isinstance(vb, list) and len(va) == len(vb):
                    for j in range(len(va) - 1, -1, -1):
                        todo.append((va[j], vb[j]))
            elif isinstance(va, AST):
                todo.append((va, getattr(b, fields[i], None)))
    return tuple(out)


def _compile_tree(tree, filename, mode, flags, optimize):
    # compile(tree, ...): Spindle's compiler works on source, so the tree is
    # unparsed and the text compiled, with every position (and a
    # SyntaxError's) moved to the tree's nodes, matched by re-parsing the
    # text (_position_pairs).
    expected = {'exec': Module, 'eval': Expression, 'single': Interactive,
                'func_type': FunctionType}.get(mode)
    if expected is not None and not isinstance(tree, expected):
        raise TypeError(f"expected {expected.__name__} node, got {type(tree).__name__}")
    _check_positions(tree)
    if flags & PyCF_ONLY_AST:
        return tree
    import ast
    if isinstance(tree, Interactive):
        src = '\n'.join(ast.unparse(s) for s in tree.body)
    else:
        src = ast.unparse(tree)
    return _compile_relocated(src, filename, mode, _position_pairs(tree, _parse(src, filename, mode)))
