# Pins: a realistic program: a tokenizer, recursive-descent parser and evaluator for arithmetic with variables, using classes, match, exceptions and dicts.
import re
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*/%()=,]))")
class ParseError(Exception):
    pass
def tokenize(src):
    pos, out = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m or m.end() == pos:
            raise ParseError(f"bad character {src[pos]!r} at {pos}")
        num, name, op = m.groups()
        out.append(("num", float(num) if "." in num else int(num)) if num else ("name", name) if name else ("op", op))
        pos = m.end()
    out.append(("end", None))
    return out
class Parser:
    def __init__(self, tokens):
        self.toks, self.i = tokens, 0
    def peek(self):
        return self.toks[self.i]
    def take(self, kind=None, value=None):
        tok = self.toks[self.i]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise ParseError(f"expected {value or kind}, got {tok[1]!r}")
        self.i += 1
        return tok
    def statement(self):
        if self.peek()[0] == "name" and self.toks[self.i + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "**"):
            self.take()
            return ("**", base, self.factor())
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        kind, val = self.peek()
        if kind == "num":
            self.take()
            return ("num", val)
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [] if self.peek() == ("op", ")") else [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return ("call", val, args)
            return ("var", val)
        if (kind, val) == ("op", "("):
            self.take()
            e = self.expr()
            self.take("op", ")")
            return e
        raise ParseError(f"unexpected {val!r}")
FUNCS = {"max": max, "min": min, "abs": abs, "sum": lambda *a: sum(a)}
def evaluate(node, env):
    match node:
        case ("num", v):
            return v
        case ("var", name):
            if name not in env:
                raise NameError(f"undefined variable {name}")
            return env[name]
        case ("neg", inner):
            return -evaluate(inner, env)
        case ("assign", name, e):
            env[name] = evaluate(e, env)
            return env[name]
        case ("call", fname, args):
            return FUNCS[fname](*(evaluate(a, env) for a in args))
        case (op, l, r):
            a, b = evaluate(l, env), evaluate(r, env)
            return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("nan"), "%": a % b if b else 0, "**": a ** b}[op]
env = {}
program = ["x = 3", "y = x * (2 + 4) - 1", "z = -x ** 2", "2 ** 3 ** 2", "max(x, y, 100 / 8)", "sum(1, 2, 3) % 4",
           "w = 1.5 * 4", "q + 1", "3 $ 4", "(1 + 2", "abs(-7) + min(4, 2)", "x = x + 1", "x"]
for line in program:
    try:
        result = evaluate(Parser(tokenize(line)).statement(), env)
        print(f"{line:20} => {result!r}")
    except (ParseError, NameError) as e:
        print(f"{line:20} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
