# Pins: small utility modules: colorsys, getopt, linecache on this file, stat/errno constants, plistlib round trip, fileinput over a scratch file, filecmp, and gettext NullTranslations.
import colorsys, getopt, linecache, stat, errno, plistlib, fileinput, filecmp, gettext, os
print([round(x, 6) for x in colorsys.rgb_to_hsv(0.2, 0.4, 0.4)], [round(x, 6) for x in colorsys.hls_to_rgb(0.5, 0.5, 0.5)], colorsys.rgb_to_yiq(1, 1, 1)[0])
print(getopt.getopt(["-a", "-b", "val", "--long=x", "file"], "ab:", ["long="]), getopt.gnu_getopt(["f", "-a", "g"], "a"))
try:
    getopt.getopt(["-z"], "a")
except getopt.GetoptError as e:
    print("GetoptError:", e, e.opt)
print(repr(linecache.getline(__file__, 1)[:40]), linecache.getline(__file__, 10 ** 6), len(linecache.getlines(__file__)) > 5)
print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.filemode(0o100755), stat.filemode(0o040700), stat.S_IMODE(0o100644) == 0o644)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EEXIST], errno.errorcode[errno.EACCES])
data = {"name": "spindle", "n": 3, "items": [1, 2.5, True], "nested": {"b": b"\x00\x01"}}
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    blob = plistlib.dumps(data, fmt=fmt, sort_keys=True)
    print(fmt.name, plistlib.loads(blob) == data, len(blob) > 0)
print(plistlib.dumps({"a": 1}).decode().splitlines()[3:6])
name = "misc_small_input.tmp"
with open(name, "w") as f:
    f.write("l1\nl2\nl3\n")
with fileinput.input(files=[name, name]) as fi:
    print([(fi.filelineno(), line.strip()) for line in fi])
with open(name + "2", "w") as f:
    f.write("l1\nl2\nl3\n")
print(filecmp.cmp(name, name + "2", shallow=False))
os.remove(name); os.remove(name + "2")
t = gettext.NullTranslations()
print(t.gettext("hello"), t.ngettext("one", "many", 1), t.ngettext("one", "many", 2), gettext.gettext("untranslated"))
