# Pins: recursive-descent arithmetic parser/evaluator program: tokenizer with regex, operator precedence and associativity (** right-assoc, unary minus), variables and function calls, error reporting with positions, AST pretty printing.
import re, math
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:e[+-]?\d+)?)|([A-Za-z_]\w*)|(\*\*|[-+*/%(),^]))")
class ParseError(Exception):
    pass
def tokenize(src):
    pos, out = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m or m.end() == pos:
            raise ParseError(f"unexpected character {src[pos]!r} at {pos}")
        num, name, op = m.groups()
        out.append(("num", float(num)) if num else ("name", name) if name else ("op", op))
        pos = m.end()
    out.append(("end", None))
    return out
class Parser:
    def __init__(self, tokens):
        self.toks, self.i = tokens, 0
    def peek(self): return self.toks[self.i]
    def take(self, kind=None, val=None):
        k, v = self.toks[self.i]
        if (kind and k != kind) or (val and v != val):
            raise ParseError(f"expected {val or kind}, got {v!r} (token {self.i})")
        self.i += 1
        return v
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = (self.take(), node, self.term())
        return node
    def term(self):
        node = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in "*/%":
            node = (self.take(), node, self.unary())
        return node
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.power()
    def power(self):
        base = self.atom()
        if self.peek() == ("op", "**"):
            self.take()
            return ("**", base, self.unary())
        return base
    def atom(self):
        k, v = self.peek()
        if k == "num":
            self.take(); return v
        if k == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take(); args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take(); args.append(self.expr())
                self.take("op", ")")
                return ("call", v, args)
            return ("var", v)
        if (k, v) == ("op", "("):
            self.take(); node = self.expr(); self.take("op", ")")
            return node
        raise ParseError(f"unexpected token {v!r}")
FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs}
def evaluate(node, env):
    if isinstance(node, float): return node
    op = node[0]
    if op == "neg": return -evaluate(node[1], env)
    if op == "var":
        if node[1] not in env: raise NameError(f"undefined variable {node[1]}")
        return env[node[1]]
    if op == "call": return FUNCS[node[1]](*(evaluate(a, env) for a in node[2]))
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("inf"), "%": a % b if b else float("nan"), "**": a ** b}[op]
def show(node):
    if isinstance(node, float): return f"{node:g}"
    if node[0] == "neg": return f"(-{show(node[1])})"
    if node[0] == "var": return node[1]
    if node[0] == "call": return f"{node[1]}({', '.join(map(show, node[2]))})"
    return f"({show(node[1])} {node[0]} {show(node[2])})"
env = {"x": 3.0, "pi": math.pi}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "10 - 4 - 3", "100 / 10 / 5", "7 % 4 + x", "sqrt(16) + max(1, x, 2)", "-(-x)", "2 * pi", "1e3 + 0.5", "abs(-7.5) / 0", "1 +", "2 * (3 + 4", "y + 1", "3 $ 4", "min()"]:
    try:
        ast = Parser(tokenize(src)).expr()
        print(f"{src:24} => {show(ast):32} = {evaluate(ast, env):.6g}")
    except (ParseError, NameError, TypeError) as e:
        print(f"{src:24} !! {type(e).__name__}: {e}")
