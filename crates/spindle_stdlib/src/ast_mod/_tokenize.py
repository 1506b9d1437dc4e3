# _tokenize for Spindle: TokenizerIter, the iterator tokenize.py drives,
# over the native _tokens (spindle_parser's lexer). Written for Spindle.
# The whole input is read on the first next(); tokens are then yielded one
# by one and a lexical error is raised where the tokenizer reaches it.

import token as _token


class TokenizerIter:
    def __init__(self, readline, *, extra_tokens=False, encoding=None):
        self._readline = readline
        self._extra = extra_tokens
        self._encoding = encoding
        self._gen = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._gen is None:
            self._gen = self._tokens()
        return next(self._gen)

    def _read(self):
        parts = []
        while True:
            try:
                line = self._readline()
            except StopIteration:
                break
            if not line:
                break
            if self._encoding is not None:
                if not isinstance(line, bytes):
                    raise TypeError("readline() returned a non-bytes object")
                line = line.decode(self._encoding)
            elif not isinstance(line, str):
                raise TypeError("readline() returned a non-string object")
            parts.append(line)
        return ''.join(parts)

    def _tokens(self):
        toks, err = _tokens(self._read())
        names = _token.__dict__
        exact = _token.EXACT_TOKEN_TYPES
        for kind, string, start, end, line in toks:
            typ = names[kind]
            if not self._extra:
                if typ == _token.COMMENT or typ == _token.NL:
                    continue
                if typ == _token.OP:
                    typ = exact.get(string, typ)
                line = None if False else line
            yield (typ, string, start, end, line)
        if err is not None:
            msg, lineno, offset = err
            raise SyntaxError(msg, ('<string>', lineno, offset, None))
