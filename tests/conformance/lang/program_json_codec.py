# Pins: a hand-written recursive JSON encoder and decoder checked against the json module on nested data, exercising recursion, isinstance dispatch, string escapes and float repr.
import json
def encode(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v) if isinstance(v, float) else str(v)
    if isinstance(v, str):
        out = ['"']
        for ch in v:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                if ord(ch) > 0xFFFF:
                    n = ord(ch) - 0x10000
                    out.append(f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}")
                else:
                    out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(encode(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{encode(str(k))}: {encode(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot encode {type(v).__name__}")
class Decoder:
    def __init__(self, s):
        self.s, self.i = s, 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \n\t\r":
            self.i += 1
    def value(self):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            self.i += 1
            obj = {}
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return obj
            while True:
                k = self.value()
                self.ws()
                assert self.s[self.i] == ":", self.i
                self.i += 1
                obj[k] = self.value()
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "}":
                    return obj
        if c == "[":
            self.i += 1
            arr = []
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return arr
            while True:
                arr.append(self.value())
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "]":
                    return arr
        if c == '"':
            self.i += 1
            buf = []
            while self.s[self.i] != '"':
                ch = self.s[self.i]
                if ch == "\\":
                    nxt = self.s[self.i + 1]
                    if nxt == "u":
                        buf.append(chr(int(self.s[self.i + 2:self.i + 6], 16)))
                        self.i += 6
                        continue
                    buf.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
                    self.i += 2
                    continue
                buf.append(ch)
                self.i += 1
            self.i += 1
            return "".join(buf).encode("utf-16", "surrogatepass").decode("utf-16")
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        num = self.s[start:self.i]
        return float(num) if any(ch in num for ch in ".eE") else int(num)
data = {"name": "Spïndle \"rt\"", "nums": [1, -2, 3.5, 1e100, 2 ** 70], "flags": [True, False, None],
        "nested": {"emoji": "😀", "newline": "a\nb", "empty": {}, "list": []}, "tuple": (1, 2)}
mine = encode(data)
print(mine)
print(mine == json.dumps(data), json.loads(mine) == Decoder(mine).value())
back = Decoder(json.dumps(data, indent=2)).value()
print(back == json.loads(json.dumps(data)), back["nested"]["emoji"], back["nums"][-1])
try:
    encode({1, 2})
except TypeError as e:
    print("TypeError:", e)
for sample in ['[1, [2, [3, [4, [5]]]]]', '{"a": {"b": {"c": "\\u00e9"}}}', '[0.5, -0.0, 12e-3]']:
    print(Decoder(sample).value(), json.loads(sample) == Decoder(sample).value())
