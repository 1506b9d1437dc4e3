# Pins: logging: Formatter fields and styles ({ and $), custom datefmt with fixed record times, levels/filtering on logger and handler, Filter objects, LoggerAdapter, exc_info formatting, propagate, lastResort to stderr.
import logging, io, sys
stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)-8s|%(name)s|%(message)s|%(funcName)s"))
log = logging.getLogger("app")
log.setLevel(logging.DEBUG)
log.addHandler(h)
log.propagate = False
def work():
    log.debug("debug %s", "msg")
    log.info("info %d items", 3)
    log.warning("warn")
    log.error("error %r", {"k": 1})
    log.critical("crit")
work()
print(stream.getvalue())
stream.seek(0); stream.truncate()
h.setLevel(logging.WARNING)
log.info("hidden by handler level"); log.warning("shown")
log.setLevel(logging.ERROR)
log.warning("hidden by logger level"); log.error("shown 2")
print(repr(stream.getvalue()))
stream.seek(0); stream.truncate()
h.setLevel(logging.DEBUG); log.setLevel(logging.DEBUG)
h.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
log.info("brace style")
h.setFormatter(logging.Formatter("$levelname/$message", style="$"))
log.info("dollar style")
class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 0
log.addFilter(OnlyEven())
for i in range(4):
    log.info("n=%d", i)
log.filters.clear()
h.setFormatter(logging.Formatter("%(name)s %(message)s"))
child = logging.getLogger("app.sub")
child.info("from child propagates to app")
print(repr(stream.getvalue()))
stream.seek(0); stream.truncate()
fmt = logging.Formatter("%(asctime)s %(msecs)03d %(message)s", datefmt="%Y-%m-%d %H:%M:%S")
fmt.converter = __import__("time").gmtime
rec = logging.LogRecord("x", logging.INFO, "file.py", 10, "at %s", ("epoch",), None)
rec.created = 86400.25; rec.msecs = 250.0
print(fmt.format(rec), rec.getMessage(), rec.levelname, rec.lineno, rec.pathname)
h.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed op")
lines = stream.getvalue().splitlines()
print(lines[0], lines[1], lines[-1])
stream.seek(0); stream.truncate()
class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[{self.extra['req']}] {msg}", kwargs
Adapter(log, {"req": "r-42"}).warning("adapted")
h.setFormatter(logging.Formatter("%(user)s did %(message)s"))
log.info("login", extra={"user": "ann"})
print(repr(stream.getvalue()))
print(logging.getLevelName(logging.WARNING), logging.getLevelName(15), logging.getLevelName("ERROR"), logging.getLevelNamesMapping()["CRITICAL"])
logging.addLevelName(25, "NOTICE")
print(logging.getLevelName(25), log.isEnabledFor(25), log.getEffectiveLevel(), child.getEffectiveLevel(), child.parent.name)
print(logging.getLogger("app") is log, logging.getLogger().name, logging.root.level, repr(log))
quiet = logging.getLogger("noconfig")
quiet.warning("goes to lastResort on stderr")
quiet.info("info dropped")
print(logging.getLogger("app.sub.deep").parent.name, logging.getLogger("a.b").name)
try:
    logging.Formatter("%(x)s", style="?")
except ValueError as e:
    print("ValueError", e)
