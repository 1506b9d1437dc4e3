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
    # CPython's AST validator: every stmt/expr/... node needs its lineno.
    todo = [node]
    while todo:
        n = todo.pop()
        if not isinstance(n, AST):
            continue
        cls = type(n)
        if 'lineno' in cls._attributes and not hasattr(n, 'lineno'):
            base = cls.__mro__[1].__name__ if cls.__mro__[1] is not AST else cls.__name__
            raise TypeError(f'required field "lineno" missing from {base}')
        for f in cls._fields:
            v = getattr(n, f, None)
            if isinstance(v, list):
                todo.extend(v)
            elif isinstance(v, AST):
                todo.append(v)


def _placed_source(stmts):
    # The unparsed statements placed at their own lines, and at their own
    # columns where a 'pass;' (or ';') in front can make the room, so that
    # positions in the compiled code match the source the tree came from
    # (tracebacks of statements typed at _pyrepl's prompt). None when the
    # statements' positions cannot be honoured that way.
    import ast
    parts = []
    line, col = 1, 0
    for s in stmts:
        lineno = getattr(s, 'lineno', None)
        off = getattr(s, 'col_offset', None)
        if type(lineno) is not int or type(off) is not int or lineno < line:
            return None
        text = ast.unparse(s)
        if lineno > line:
            parts.append('\n' * (lineno - line))
            line, col = lineno, 0
        if off > col:
            if '\n' in text or (col == 0 and off < 5):
                return None
            parts.append('pass;' + ' ' * (off - 5) if col == 0 else ';' + ' ' * (off - col - 1))
            col = off
        elif off < col or col > 0:
            return None
        parts.append(text)
        nl = text.count('\n')
        if nl:
            line += nl
            col = len(text) - text.rfind('\n') - 1
        else:
            col += len(text)
    return ''.join(parts)


def _compile_tree(tree, filename, mode, flags, optimize):
    # compile(tree, ...): Spindle's compiler works on source, so the tree is
    # unparsed and the text compiled; statements keep their lines (and
    # columns where possible: _placed_source), inner positions come from
    # the unparsed text.
    expected = {'exec': Module, 'eval': Expression, 'single': Interactive,
                'func_type': FunctionType}.get(mode)
    if expected is not None and not isinstance(tree, expected):
        raise TypeError(f"expected {expected.__name__} node, got {type(tree).__name__}")
    _check_positions(tree)
    if flags & PyCF_ONLY_AST:
        return tree
    import ast
    src = _placed_source(tree.body) if isinstance(tree, (Interactive, Module)) else None
    if src is None:
        if isinstance(tree, Interactive):
            src = '\n'.join(ast.unparse(s) for s in tree.body)
        else:
            src = ast.unparse(tree)
    return compile(src, filename, mode, flags & ~PyCF_ONLY_AST, True, optimize)
