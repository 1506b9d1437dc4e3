# pyexpat for Spindle: a non-validating XML parser with expat's Python
# interface (xmlparser, handlers, ExpatError, errors/model submodules),
# written for Spindle. It reads the document incrementally: Parse() runs
# every complete construct in the text received so far and keeps the rest.
# What it does not do: DTD validation, external entities, parameter-entity
# expansion, element-content models (ElementDeclHandler/AttlistDeclHandler
# are never called).

import sys as _sys
import re as _re

EXPAT_VERSION = "expat_2.7.3"
version_info = (2, 7, 3)
native_encoding = "UTF-8"
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0), ('XML_BLAP_MAX_AMP', 100),
            ('XML_BLAP_ACT_THRES', 8388608), ('XML_GE', 0), ('XML_AT_MAX_AMP', 100),
            ('XML_AT_ACT_THRES', 67108864)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2


class ExpatError(Exception):
    pass


ExpatError.__module__ = "xml.parsers.expat"
error = ExpatError

_MESSAGES = [None, 'out of memory', 'syntax error', 'no element found',
             'not well-formed (invalid token)', 'unclosed token', 'partial character',
             'mismatched tag', 'duplicate attribute', 'junk after document element',
             'illegal parameter entity reference', 'undefined entity',
             'recursive entity reference', 'asynchronous entity',
             'reference to invalid character number', 'reference to binary entity',
             'reference to external entity in attribute',
             'XML or text declaration not at start of entity', 'unknown encoding',
             'encoding specified in XML declaration is incorrect',
             'unclosed CDATA section', 'error in processing external entity reference',
             'document is not standalone',
             'unexpected parser state - please send a bug report',
             'entity declared in parameter entity',
             'requested feature requires XML_DTD support in Expat',
             'cannot change setting once parsing has begun', 'unbound prefix',
             'must not undeclare prefix', 'incomplete markup in parameter entity',
             'XML declaration not well-formed', 'text declaration not well-formed',
             'illegal character(s) in public id', 'parser suspended',
             'parser not suspended', 'parsing aborted', 'parsing finished',
             'cannot suspend in external parameter entity',
             'reserved prefix (xml) must not be undeclared or bound to another namespace name',
             'reserved prefix (xmlns) must not be declared or undeclared',
             'prefix must not be bound to one of the reserved namespace names',
             'invalid argument',
             'a successful prior call to function XML_GetBuffer is required',
             'limit on input amplification factor (from DTD and entities) breached',
             'parser not started']
_NAMES = ['NO_MEMORY', 'SYNTAX', 'NO_ELEMENTS', 'INVALID_TOKEN', 'UNCLOSED_TOKEN',
          'PARTIAL_CHAR', 'TAG_MISMATCH', 'DUPLICATE_ATTRIBUTE', 'JUNK_AFTER_DOC_ELEMENT',
          'PARAM_ENTITY_REF', 'UNDEFINED_ENTITY', 'RECURSIVE_ENTITY_REF', 'ASYNC_ENTITY',
          'BAD_CHAR_REF', 'BINARY_ENTITY_REF', 'ATTRIBUTE_EXTERNAL_ENTITY_REF',
          'MISPLACED_XML_PI', 'UNKNOWN_ENCODING', 'INCORRECT_ENCODING',
          'UNCLOSED_CDATA_SECTION', 'EXTERNAL_ENTITY_HANDLING', 'NOT_STANDALONE',
          'UNEXPECTED_STATE', 'ENTITY_DECLARED_IN_PE', 'FEATURE_REQUIRES_XML_DTD',
          'CANT_CHANGE_FEATURE_ONCE_PARSING', 'UNBOUND_PREFIX', 'UNDECLARING_PREFIX',
          'INCOMPLETE_PE', 'XML_DECL', 'TEXT_DECL', 'PUBLICID', 'SUSPENDED',
          'NOT_SUSPENDED', 'ABORTED', 'FINISHED', 'SUSPEND_PE', 'RESERVED_PREFIX_XML',
          'RESERVED_PREFIX_XMLNS', 'RESERVED_NAMESPACE_URI', 'INVALID_ARGUMENT',
          'NO_BUFFER', 'AMPLIFICATION_LIMIT_BREACH', 'NOT_STARTED']

errors = type(_sys)("pyexpat.errors")
errors.__doc__ = "Constants used to describe error conditions."
errors.codes = {}
errors.messages = {}
for _i, _n in enumerate(_NAMES, 1):
    setattr(errors, "XML_ERROR_" + _n, _MESSAGES[_i])
    errors.codes[_MESSAGES[_i]] = _i
    errors.messages[_i] = _MESSAGES[_i]

model = type(_sys)("pyexpat.model")
model.__doc__ = "Constants used to interpret content model information."
for _i, _n in enumerate(['EMPTY', 'ANY', 'MIXED', 'NAME', 'CHOICE', 'SEQ'], 1):
    setattr(model, "XML_CTYPE_" + _n, _i)
for _i, _n in enumerate(['NONE', 'OPT', 'REP', 'PLUS']):
    setattr(model, "XML_CQUANT_" + _n, _i)
del _i, _n


def ErrorString(code, /):
    if isinstance(code, int) and 0 < code < len(_MESSAGES):
        return _MESSAGES[code]
    return None


_HANDLERS = ('StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler',
             'CharacterDataHandler', 'UnparsedEntityDeclHandler', 'NotationDeclHandler',
             'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
             'StartCdataSectionHandler', 'EndCdataSectionHandler', 'DefaultHandler',
             'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
             'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
             'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
             'SkippedEntityHandler')

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XMLNS_NS = "http://www.w3.org/2000/xmlns/"
_NAME = _re.compile(r"[A-Za-z_:\u00c0-\U0010ffff][-.\w:\u00b7\u00c0-\U0010ffff]*")
_SPACE = _re.compile(r"[ \t\n]*")
_TEXT = _re.compile(r"[^<&\n]+")
_PREDEF = {'lt': '<', 'gt': '>', 'amp': '&', 'apos': "'", 'quot': '"'}
_DECL_ATTR = _re.compile(r"""\s+([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class _Incomplete(Exception):
    """The construct at the current position needs more input."""


class _Fail(Exception):
    def __init__(self, code, index):
        self.code = code
        self.index = index


class xmlparser:
    """XML parser"""

    __slots__ = _HANDLERS + (
        '_buffer_text', '_buffer_size', '_ordered', '_specified', '_ns_prefixes', 'intern', '_enc', '_sep', '_raw', '_dec', '_str_mode',
        '_t', '_ci', '_cl', '_cc', '_bl', '_bc', '_consumed', '_line', '_col', '_index',
        '_state', '_stack', '_ns', '_pending', '_entities', '_ext_subset', '_standalone',
        '_finished', '_err', '_base', '_deferral', '_cr', '_seen_decl', '_declared')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'pyexpat.xmlparser' instances")

    def _setup(self, encoding, sep, intern):
        self._pending = []
        for h in _HANDLERS:
            setattr(self, h, None)
        self._buffer_text = False
        self._buffer_size = 8192
        self._ordered = False
        self._specified = False
        self._ns_prefixes = False
        self.intern = intern
        self._enc = encoding
        self._sep = sep
        self._raw = b""
        self._dec = None
        self._str_mode = False
        self._t = ""
        self._ci = 0
        self._cl = 1
        self._cc = 0
        self._bl = 1
        self._bc = 0
        self._consumed = 0
        self._line = 1
        self._col = 0
        self._index = 0
        self._state = 0
        self._stack = []
        self._ns = [{'xml': _XML_NS}]
        self._pending = []
        self._entities = {}
        self._ext_subset = False
        self._standalone = -1
        self._finished = False
        self._err = 0
        self._base = None
        self._deferral = True
        self._cr = ""
        self._seen_decl = False
        self._declared = []

    # -- attributes

    @property
    def buffer_text(self):
        return self._buffer_text

    @buffer_text.setter
    def buffer_text(self, value):
        if not value:
            self._flush()
        self._buffer_text = bool(value)

    @property
    def ordered_attributes(self):
        return self._ordered

    @ordered_attributes.setter
    def ordered_attributes(self, value):
        self._ordered = bool(value)

    @property
    def specified_attributes(self):
        return self._specified

    @specified_attributes.setter
    def specified_attributes(self, value):
        self._specified = bool(value)

    @property
    def namespace_prefixes(self):
        return self._ns_prefixes

    @namespace_prefixes.setter
    def namespace_prefixes(self, value):
        self._ns_prefixes = bool(value)

    @property
    def buffer_size(self):
        return self._buffer_size

    @buffer_size.setter
    def buffer_size(self, value):
        if not isinstance(value, int):
            raise TypeError("buffer_size must be an integer")
        if value <= 0:
            raise ValueError("buffer_size must be greater than zero")
        self._flush()
        self._buffer_size = value

    @property
    def buffer_used(self):
        return sum(len(s) for s in self._pending)

    @property
    def CurrentLineNumber(self):
        return self._line

    @property
    def CurrentColumnNumber(self):
        return self._col

    @property
    def CurrentByteIndex(self):
        return self._index

    ErrorLineNumber = CurrentLineNumber
    ErrorColumnNumber = CurrentColumnNumber
    ErrorByteIndex = CurrentByteIndex

    @property
    def ErrorCode(self):
        return self._err

    # -- methods

    def SetBase(self, base, /):
        self._base = base

    def GetBase(self):
        return self._base

    def GetInputContext(self):
        return None

    def SetParamEntityParsing(self, flag, /):
        return 0

    def UseForeignDTD(self, flag=True, /):
        return None

    def GetReparseDeferralEnabled(self):
        return self._deferral

    def SetReparseDeferralEnabled(self, enabled, /):
        self._deferral = bool(enabled)

    def SetAllocTrackerActivationThreshold(self, threshold, /):
        return None

    def SetAllocTrackerMaximumAmplification(self, max_factor, /):
        return None

    def ExternalEntityParserCreate(self, context, encoding=None, /):
        p = object.__new__(xmlparser)
        p._setup(encoding if encoding is not None else self._enc, self._sep, self.intern)
        for h in _HANDLERS:
            setattr(p, h, getattr(self, h))
        p.buffer_text = self.buffer_text
        p.ordered_attributes = self.ordered_attributes
        p.specified_attributes = self.specified_attributes
        p.namespace_prefixes = self.namespace_prefixes
        p._state = 1
        p._stack = [None]
        return p

    def ParseFile(self, file, /):
        read = getattr(file, "read", None)
        if read is None:
            raise TypeError("argument must have 'read' attribute")
        while True:
            data = read(2048)
            if not isinstance(data, (bytes, bytearray, str)):
                raise TypeError("read() did not return a bytes object (type=%s)" % type(data).__name__)
            if not data:
                return self.Parse(b"", True)
            self.Parse(data, False)

    def Parse(self, data, isfinal=False, /):
        if self._finished:
            self._raise(36, len(self._t))
        if isinstance(data, str):
            if not self._str_mode and self._dec is None:
                self._str_mode = True
            if self._str_mode:
                self._add_text(data, isfinal)
            else:
                self._add_bytes(data.encode("utf-8"), isfinal)
        else:
            self._add_bytes(bytes(data), isfinal)
        try:
            self._run(isfinal)
        except _Fail as f:
            self._raise(f.code, f.index)
        if isfinal:
            self._finished = True
        return 1

    # -- input

    def _add_text(self, s, final):
        s = self._cr + s
        self._cr = ""
        if not final and s.endswith("\r"):
            self._cr = "\r"
            s = s[:-1]
        if "\r" in s:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        self._t += s

    def _add_bytes(self, b, final):
        raw = self._raw + b
        if self._dec is None:
            enc = self._enc
            if enc is None:
                if raw.startswith(b"\xef\xbb\xbf"):
                    enc = "utf-8"
                    raw = raw[3:]
                elif raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
                    enc = "utf-16"
                elif raw.startswith(b"<?xml"):
                    end = raw.find(b"?>")
                    if end < 0:
                        if not final:
                            self._raw = raw
                            return
                        enc = "utf-8"
                    else:
                        m = _re.search(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", raw[:end])
                        enc = m.group(1).decode("ascii") if m else "utf-8"
                elif len(raw) < 5 and not final and b"<?xml".startswith(raw):
                    self._raw = raw
                    return
                else:
                    enc = "utf-8"
            import codecs
            try:
                self._dec = codecs.getincrementaldecoder(enc)()
            except LookupError:
                self._raise(18, 0)
        self._raw = b""
        try:
            s = self._dec.decode(raw, final)
        except UnicodeDecodeError as e:
            good = raw[:e.start]
            try:
                s = good.decode(self._dec.encoding if hasattr(self._dec, "encoding") else "utf-8", "ignore")
            except LookupError:
                s = ""
            self._add_text(s, True)
            try:
                self._run(False)
            except _Fail as f:
                self._raise(f.code, f.index)
            self._raise(4, len(self._t))
        self._add_text(s, final)

    # -- positions and errors

    def _pos(self, k):
        """Line and column of index k of the unparsed text."""
        ci = self._ci
        t = self._t
        if k < ci:
            ci, self._cl, self._cc = 0, self._bl, self._bc
        nl = t.count("\n", ci, k)
        if nl:
            self._cl += nl
            self._cc = k - t.rfind("\n", ci, k) - 1
        else:
            self._cc += k - ci
        self._ci = k
        return self._cl, self._cc

    def _at(self, k):
        self._line, self._col = self._pos(k)
        self._index = self._consumed + k

    def _raise(self, code, k):
        self._at(k)
        self._err = code
        self._finished = True
        e = ExpatError("%s: line %d, column %d" % (_MESSAGES[code], self._line, self._col))
        e.code = code
        e.lineno = self._line
        e.offset = self._col
        raise e

    # -- events

    def _flush(self):
        if self._pending:
            data = "".join(self._pending)
            self._pending = []
            h = self.CharacterDataHandler
            if h is not None:
                h(data)

    def _default(self, text):
        h = self.DefaultHandlerExpand or self.DefaultHandler
        if h is not None and text:
            self._flush()
            h(text)

    def _chars(self, s):
        if self.CharacterDataHandler is None:
            self._default(s)
        elif self._buffer_text:
            self._pending.append(s)
            if sum(len(p) for p in self._pending) >= self._buffer_size:
                self._flush()
        else:
            self.CharacterDataHandler(s)

    # -- the scanner

    def _run(self, final):
        t = self._t
        n = len(t)
        i = 0
        try:
            while i < n:
                c = t[i]
                if c == "<":
                    i = self._markup(t, i, final)
                elif c == "&":
                    i = self._reference(t, i, final)
                elif c == "\n":
                    if self._state == 1:
                        self._at(i)
                        self._chars("\n")
                    else:
                        self._default("\n")
                    i += 1
                else:
                    m = _TEXT.match(t, i)
                    j = m.end()
                    s = t[i:j]
                    if self._state == 1:
                        self._at(i)
                        self._chars(s)
                    elif s.strip(" \t"):
                        k = i + len(s) - len(s.lstrip(" \t"))
                        raise _Fail(2 if self._state == 0 else 9, k)
                    else:
                        self._default(s)
                    i = j
        except _Incomplete:
            if final:
                raise _Fail(5, i)
        self._pos(i)
        self._bl, self._bc = self._cl, self._cc
        self._consumed += i
        self._t = t[i:]
        self._ci = 0
        if final:
            self._flush()
            if self._t:
                raise _Fail(5, 0)
            if self._state != 2:
                self._at(0)
                raise _Fail(3, 0)
        elif not self._deferral:
            pass

    def _need(self, t, j, final):
        if j < 0:
            raise _Incomplete()
        return j

    def _markup(self, t, i, final):
        n = len(t)
        if i + 1 >= n:
            raise _Incomplete()
        c = t[i + 1]
        if c == "/":
            return self._end_tag(t, i, final)
        if c == "?":
            return self._pi(t, i, final)
        if c == "!":
            if t.startswith("<!--", i):
                j = self._need(t, t.find("-->", i + 4), final)
                body = t[i + 4:j]
                k = body.find("--")
                if k >= 0:
                    raise _Fail(4, i + 4 + k + 2)
                self._at(i)
                if self.CommentHandler is not None:
                    self._flush()
                    self.CommentHandler(body)
                else:
                    self._default(t[i:j + 3])
                return j + 3
            if t.startswith("<![CDATA[", i):
                if self._state != 1:
                    raise _Fail(2 if self._state == 0 else 9, i)
                j = t.find("]]>", i + 9)
                if j < 0:
                    if final:
                        raise _Fail(20, i)
                    raise _Incomplete()
                self._at(i)
                self._flush()
                if self.StartCdataSectionHandler is not None:
                    self.StartCdataSectionHandler()
                body = t[i + 9:j]
                if body:
                    if self.CharacterDataHandler is not None and not self._buffer_text:
                        for part in _re.findall(r"[^\n]+|\n", body):
                            self.CharacterDataHandler(part)
                    else:
                        self._chars(body)
                self._flush()
                if self.EndCdataSectionHandler is not None:
                    self.EndCdataSectionHandler()
                return j + 3
            if t.startswith("<!DOCTYPE", i):
                if self._state != 0 or self._declared:
                    raise _Fail(2 if self._state == 0 else 9, i)
                return self._doctype(t, i, final)
            if len(t) - i < 9 and ("<!DOCTYPE".startswith(t[i:]) or "<![CDATA[".startswith(t[i:])
                                   or "<!--".startswith(t[i:])):
                raise _Incomplete()
            raise _Fail(4 if self._state == 1 else 2, i + 1 if self._state == 1 else i)
        return self._start_tag(t, i, final)

    def _pi(self, t, i, final):
        m = _NAME.match(t, i + 2)
        if m is None:
            if i + 2 >= len(t):
                raise _Incomplete()
            raise _Fail(4, i + 2)
        target = m.group()
        j = self._need(t, t.find("?>", m.end()), final)
        rest = t[m.end():j]
        if rest and rest[0] not in " \t\n":
            raise _Fail(4, m.end())
        data = rest.lstrip(" \t\n")
        if target.lower() == "xml":
            if target != "xml" or i != 0 or self._consumed or self._seen_decl or self._state != 0:
                raise _Fail(17, i)
            self._seen_decl = True
            self._at(i)
            return self._xml_decl(t, i, j, rest)
        self._at(i)
        if self.ProcessingInstructionHandler is not None:
            self._flush()
            self.ProcessingInstructionHandler(target, data)
        else:
            self._default(t[i:j + 2])
        return j + 2

    def _xml_decl(self, t, i, j, rest):
        attrs = {}
        pos = 0
        for m in _DECL_ATTR.finditer(rest):
            if m.start() != pos:
                raise _Fail(30, i)
            attrs[m.group(1)] = m.group(2) if m.group(2) is not None else m.group(3)
            pos = m.end()
        if rest[pos:].strip(" \t\n") or "version" not in attrs:
            raise _Fail(30, i)
        order = [k for k in attrs]
        if order[0] != "version" or any(k not in ("version", "encoding", "standalone") for k in order):
            raise _Fail(30, i)
        sa = attrs.get("standalone")
        if sa is None:
            standalone = -1
        elif sa == "yes":
            standalone = 1
        elif sa == "no":
            standalone = 0
        else:
            raise _Fail(30, i)
        self._standalone = standalone
        if self.XmlDeclHandler is not None:
            self.XmlDeclHandler(attrs["version"], attrs.get("encoding"), standalone)
        else:
            self._default(t[i:j + 2])
        return j + 2

    def _qname(self, name, attr, k):
        """The reported form of an element or attribute name (namespaces)."""
        if self._sep is None:
            return name
        prefix, colon, local = name.partition(":")
        if not colon:
            if attr:
                return name
            uri = self._lookup("")
            if not uri:
                return name
            return uri + self._sep + name
        if not local or ":" in local:
            raise _Fail(4, k)
        uri = self._lookup(prefix)
        if uri is None:
            raise _Fail(27, k)
        if self._ns_prefixes:
            return uri + self._sep + local + self._sep + prefix
        return uri + self._sep + local

    def _lookup(self, prefix):
        for scope in reversed(self._ns):
            if prefix in scope:
                return scope[prefix]
        return None

    def _start_tag(self, t, i, final):
        n = len(t)
        m = _NAME.match(t, i + 1)
        if m is None:
            if i + 1 >= n:
                raise _Incomplete()
            raise _Fail(4, i + 1)
        if self._state == 2:
            raise _Fail(9, i)
        name = m.group()
        j = m.end()
        attrs = []
        seen = set()
        while True:
            ws = _SPACE.match(t, j).end()
            if ws >= n:
                raise _Incomplete()
            c = t[ws]
            if c == ">":
                j = ws + 1
                empty = False
                break
            if c == "/":
                if ws + 1 >= n:
                    raise _Incomplete()
                if t[ws + 1] != ">":
                    raise _Fail(4, ws)
                j = ws + 2
                empty = True
                break
            if ws == j:
                raise _Fail(4, ws)
            am = _NAME.match(t, ws)
            if am is None:
                raise _Fail(4, ws)
            aname = am.group()
            k = _SPACE.match(t, am.end()).end()
            if k >= n:
                raise _Incomplete()
            if t[k] != "=":
                raise _Fail(4, k)
            k = _SPACE.match(t, k + 1).end()
            if k >= n:
                raise _Incomplete()
            q = t[k]
            if q not in "\"'":
                raise _Fail(4, k)
            e = t.find(q, k + 1)
            if e < 0:
                raise _Incomplete()
            raw = t[k + 1:e]
            lt = raw.find("<")
            if lt >= 0:
                raise _Fail(4, k + 1 + lt)
            if aname in seen:
                raise _Fail(8, ws)
            seen.add(aname)
            attrs.append((aname, self._attr_value(raw, k + 1), ws))
            j = e + 1
        if self._state == 0:
            self._state = 1
        self._at(i)
        self._flush()
        declared = []
        if self._sep is not None:
            scope = {}
            plain = []
            for aname, value, k in attrs:
                if aname == "xmlns":
                    scope[""] = value or None
                    declared.append((None, value or None))
                elif aname.startswith("xmlns:"):
                    p = aname[6:]
                    if not value:
                        raise _Fail(28, k)
                    scope[p] = value
                    declared.append((p, value))
                else:
                    plain.append((aname, value, k))
            self._ns.append(scope)
            h = self.StartNamespaceDeclHandler
            for p, uri in declared:
                if h is not None:
                    h(p, uri)
            qname = self._qname(name, False, i)
            out = []
            expanded = set()
            for aname, value, k in plain:
                an = self._qname(aname, True, i)
                if an in expanded:
                    raise _Fail(8, k)
                expanded.add(an)
                out.append((an, value))
        else:
            qname = name
            out = [(a, v) for a, v, k in attrs]
        self._stack.append((name, qname, [p for p, u in declared]))
        h = self.StartElementHandler
        if h is not None:
            if self._ordered:
                flat = []
                for a, v in out:
                    flat.append(a)
                    flat.append(v)
                h(qname, flat)
            else:
                h(qname, dict(out))
        else:
            self._default(t[i:j])
        if empty:
            self._end_element(t, i, j)
        return j

    def _end_element(self, t, i, j):
        name, qname, declared = self._stack.pop()
        h = self.EndElementHandler
        if h is not None:
            self._flush()
            h(qname)
        elif not t.startswith("/>", j - 2):
            self._default(t[i:j])
        if self._sep is not None:
            self._ns.pop()
            eh = self.EndNamespaceDeclHandler
            if eh is not None:
                for p in reversed(declared):
                    eh(p)
        if not self._stack:
            self._state = 2

    def _end_tag(self, t, i, final):
        m = _NAME.match(t, i + 2)
        if m is None:
            if i + 2 >= len(t):
                raise _Incomplete()
            raise _Fail(4, i + 2)
        k = _SPACE.match(t, m.end()).end()
        if k >= len(t):
            raise _Incomplete()
        if t[k] != ">":
            raise _Fail(4, k)
        if self._state != 1:
            raise _Fail(2 if self._state == 0 else 9, i)
        if self._stack[-1] is None or self._stack[-1][0] != m.group():
            raise _Fail(7, i + 2)
        self._at(i)
        self._flush()
        self._end_element(t, i, k + 1)
        return k + 1

    def _char_ref(self, body, k):
        try:
            if body[1:2] in ("x", "X"):
                if not _re.fullmatch(r"[0-9a-fA-F]+", body[2:]):
                    raise ValueError
                cp = int(body[2:], 16)
            else:
                if not _re.fullmatch(r"[0-9]+", body[1:]):
                    raise ValueError
                cp = int(body[1:])
        except ValueError:
            raise _Fail(4, k)
        if cp in (9, 10, 13) or 0x20 <= cp <= 0xd7ff or 0xe000 <= cp <= 0xfffd or 0x10000 <= cp <= 0x10ffff:
            return chr(cp)
        raise _Fail(14, k)

    def _attr_value(self, raw, base):
        if "&" not in raw:
            return raw.replace("\t", " ").replace("\n", " ")
        out = []
        i = 0
        while i < len(raw):
            c = raw[i]
            if c == "&":
                e = raw.find(";", i)
                if e < 0:
                    raise _Fail(4, base + i)
                body = raw[i + 1:e]
                if body.startswith("#"):
                    out.append(self._char_ref(body, base + i))
                elif body in _PREDEF:
                    out.append(_PREDEF[body])
                elif body in self._entities and self._entities[body] is not None:
                    out.append(self._entities[body].replace("\t", " ").replace("\n", " "))
                elif self._skip_undefined():
                    pass
                else:
                    raise _Fail(11 if _NAME.fullmatch(body) else 4, base + i)
                i = e + 1
            else:
                out.append(" " if c in "\t\n" else c)
                i += 1
        return "".join(out)

    def _skip_undefined(self):
        return self._ext_subset and self._standalone != 1

    def _reference(self, t, i, final):
        if self._state != 1:
            raise _Fail(2 if self._state == 0 else 9, i)
        e = t.find(";", i)
        if e < 0:
            m = _re.compile(r"&#?[\w.:-]*").match(t, i)
            if m.end() >= len(t):
                raise _Incomplete()
            raise _Fail(4, m.end())
        body = t[i + 1:e]
        self._at(i)
        if body.startswith("#"):
            self._chars(self._char_ref(body, i))
        elif body in _PREDEF:
            self._chars(_PREDEF[body])
        elif not _NAME.fullmatch(body):
            raise _Fail(4, i + 1)
        elif body in self._entities:
            value = self._entities[body]
            if value is None:
                if self.ExternalEntityRefHandler is not None:
                    pass
                else:
                    self._default(t[i:e + 1])
            else:
                self._chars(value)
        elif self._skip_undefined():
            if self.SkippedEntityHandler is not None:
                self._flush()
                self.SkippedEntityHandler(body, 0)
            else:
                self._default(t[i:e + 1])
        else:
            raise _Fail(11, i)
        return e + 1

    # -- DOCTYPE

    def _doctype(self, t, i, final):
        n = len(t)
        # Find the end first: quotes and the internal subset may hold '>'.
        j = i + 9
        depth = 0
        quote = None
        while True:
            if j >= n:
                raise _Incomplete()
            c = t[j]
            if quote:
                if c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
            elif c == ">" and depth <= 0:
                break
            elif c == "<" and depth > 0 and t.startswith("<!--", j):
                k = t.find("-->", j + 4)
                if k < 0:
                    raise _Incomplete()
                j = k + 2
            j += 1
        end = j
        pieces = []
        k = i + 9
        tok = _re.compile(r"""\s+|"[^"]*"|'[^']*'|\[|[^\s\[>"']+""")
        name = sysid = pubid = None
        subset = None
        words = []
        while k < end:
            if t[k] == "[":
                close = t.rfind("]", k, end)
                subset = (k + 1, close)
                pieces.append(("[", k))
                k = close + 1
                pieces.append(("]", close))
                continue
            m = tok.match(t, k)
            if m is None:
                raise _Fail(2, k)
            s = m.group()
            pieces.append((s, k))
            if not s.isspace():
                words.append((s, k))
            k = m.end()
        if not words or not _NAME.fullmatch(words[0][0]):
            raise _Fail(2, words[0][1] if words else end)
        name = words[0][0]
        rest = [w for w, _ in words[1:]]
        if rest[:1] == ["SYSTEM"] and len(rest) == 2 and rest[1][:1] in "\"'":
            sysid = rest[1][1:-1]
        elif rest[:1] == ["PUBLIC"] and len(rest) == 3 and all(r[:1] in "\"'" for r in rest[1:]):
            pubid, sysid = rest[1][1:-1], rest[2][1:-1]
        elif rest:
            raise _Fail(2, words[1][1])
        self._at(i)
        self._declared.append(name)
        self._ext_subset = sysid is not None or pubid is not None
        h = self.StartDoctypeDeclHandler
        if h is not None:
            self._flush()
            h(name, sysid, pubid, 1 if subset is not None else 0)
        else:
            self._default("<!DOCTYPE")
            for s, _ in pieces:
                if s not in ("[", "]"):
                    self._default(s)
        if subset is not None:
            self._subset(t, subset[0], subset[1])
        if self.EndDoctypeDeclHandler is not None:
            self.EndDoctypeDeclHandler()
        elif h is None:
            self._default(">")
        return end + 1

    def _subset(self, t, a, b):
        decl = _re.compile(r"""<!(ENTITY|NOTATION|ELEMENT|ATTLIST)\s((?:[^>"']|"[^"]*"|'[^']*')*)>""")
        i = a
        while i < b:
            c = t[i]
            if c in " \t\n":
                i += 1
                continue
            if t.startswith("<!--", i):
                e = t.find("-->", i + 4)
                if self.CommentHandler is not None:
                    self._at(i)
                    self.CommentHandler(t[i + 4:e])
                i = e + 3
                continue
            if t.startswith("<?", i):
                e = t.find("?>", i)
                if e < 0:
                    raise _Fail(2, i)
                m = _NAME.match(t, i + 2)
                if m and self.ProcessingInstructionHandler is not None:
                    self._at(i)
                    self.ProcessingInstructionHandler(m.group(), t[m.end():e].lstrip(" \t\n"))
                i = e + 2
                continue
            if c == "%":
                e = t.find(";", i)
                if e < 0:
                    raise _Fail(2, i)
                self._ext_subset = True
                i = e + 1
                continue
            m = decl.match(t, i)
            if m is None or m.end() > b:
                raise _Fail(2, i)
            self._at(i)
            kind, body = m.group(1), m.group(2)
            words = _re.findall(r""""[^"]*"|'[^']*'|[^\s"']+""", body)
            if kind == "ENTITY" and words:
                param = words[0] == "%"
                if param:
                    words = words[1:]
                if words:
                    ename = words[0]
                    value = sysid = pubid = notation = None
                    rest = words[1:]
                    if rest and rest[0][:1] in "\"'":
                        value = self._entity_value(rest[0][1:-1])
                    elif rest[:1] == ["SYSTEM"] and len(rest) >= 2:
                        sysid = rest[1][1:-1]
                        rest = rest[2:]
                    elif rest[:1] == ["PUBLIC"] and len(rest) >= 3:
                        pubid, sysid = rest[1][1:-1], rest[2][1:-1]
                        rest = rest[3:]
                    if value is None and rest[:1] == ["NDATA"] and len(rest) == 2:
                        notation = rest[1]
                    if not param and ename not in self._entities:
                        self._entities[ename] = value
                    if self.EntityDeclHandler is not None:
                        self.EntityDeclHandler(ename, 1 if param else 0, value, self._base, sysid, pubid, notation)
                    elif notation is not None and self.UnparsedEntityDeclHandler is not None:
                        self.UnparsedEntityDeclHandler(ename, self._base, sysid, pubid, notation)
            elif kind == "NOTATION" and words and self.NotationDeclHandler is not None:
                nname = words[0]
                sysid = pubid = None
                if words[1:2] == ["SYSTEM"] and len(words) >= 3:
                    sysid = words[2][1:-1]
                elif words[1:2] == ["PUBLIC"] and len(words) >= 3:
                    pubid = words[2][1:-1]
                    if len(words) >= 4:
                        sysid = words[3][1:-1]
                self.NotationDeclHandler(nname, self._base, sysid, pubid)
            i = m.end()

    def _entity_value(self, raw):
        def repl(m):
            body = m.group(1)
            if body.startswith("#"):
                return self._char_ref(body, 0)
            return m.group()
        return _re.sub(r"&(#[0-9]+|#x[0-9a-fA-F]+);", repl, raw)


xmlparser.__module__ = "pyexpat"
xmlparser.__qualname__ = "xmlparser"
XMLParserType = xmlparser

_UNSET = object()


def ParserCreate(encoding=None, namespace_separator=None, intern=_UNSET):
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s"
                            % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError("namespace_separator must be at most one character, omitted, or None")
    if intern is _UNSET:
        intern = {}
    elif intern is not None and not isinstance(intern, dict):
        raise TypeError("intern must be a dictionary")
    p = object.__new__(xmlparser)
    p._setup(encoding, namespace_separator, intern)
    return p


del _sys
