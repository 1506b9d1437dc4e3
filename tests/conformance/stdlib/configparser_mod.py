# Pins: configparser: reading INI text, defaults and interpolation (basic and extended), typed getters, sections/options listing, writing back, and errors.
import configparser, io
text = """
[DEFAULT]
base = /srv
debug = no

[server]
host = example.com
port = 8080
path = %(base)s/www
ratio = 0.75
enabled = yes
; comment line
multi = first
    second line

[empty]
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.defaults(), cp.has_section("server"), cp.has_option("server", "base"))
s = cp["server"]
print(s["host"], s.getint("port"), s.getfloat("ratio"), s.getboolean("enabled"), cp.getboolean("server", "debug"), s["path"], repr(s["multi"]))
print(sorted(cp.options("server")), sorted(cp["empty"].keys()), s.get("missing", "fallback"), cp.get("server", "nope", fallback=None))
print(cp.get("server", "path", raw=True), cp.get("server", "path", vars={"base": "/override"}))
cp["new"] = {"k": "v", "n": "1"}
cp.set("server", "port", "9090")
out = io.StringIO()
cp.write(out)
print(out.getvalue())
for bad in ["[a]\nx=1\n[a]\n", "no section header\n", "[s]\nk=%(missing)s\n"]:
    try:
        c = configparser.ConfigParser()
        c.read_string(bad)
        print(c.get("s", "k"))
    except configparser.Error as e:
        print(type(e).__name__, str(e).splitlines()[0])
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[a]\nx = 1\n[b]\ny = ${a:x}-two\n")
print(ext["b"]["y"])
raw = configparser.RawConfigParser()
raw.read_string("[r]\np = 100%\n")
print(raw["r"]["p"])
try:
    cp.getint("server", "host")
except ValueError as e:
    print("ValueError:", e)
cs = configparser.ConfigParser()
cs.optionxform = str
cs.read_string("[S]\nMixedCase = 1\n")
print(list(cs["S"]))
