# Pins: logging: basicConfig to stdout with a fixed format, levels and filtering, logger hierarchy and propagation, handlers/formatters, exception logging, LoggerAdapter and lastResort on stderr.
import logging, sys, io
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.debug("hidden debug")
log.info("info %s %d", "args", 3)
log.warning("warn")
log.error("error with %(key)s", {"key": "dict-arg"})
log.critical("critical")
child = logging.getLogger("app.sub")
child.setLevel(logging.DEBUG)
child.debug("child debug shows")
print(child.parent.name, child.getEffectiveLevel(), log.getEffectiveLevel(), logging.getLevelName(logging.WARNING), logging.getLevelName(15))
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s %(funcName)s:%(lineno)d %(message)s"))
h.setLevel(logging.WARNING)
solo = logging.getLogger("solo")
solo.propagate = False
solo.addHandler(h)
solo.setLevel(logging.DEBUG)
def emit():
    solo.info("not captured")
    solo.warning("captured")
emit()
print(repr(buf.getvalue()))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.msg.endswith(("1", "3"))
flt = logging.getLogger("filtered")
flt.addFilter(OnlyOdd())
for i in range(4):
    flt.warning("message %d" % i)
adapter = logging.LoggerAdapter(log, {"user": "ann"})
adapter.info("from adapter")
fmt = logging.Formatter("%(message)s|%(levelno)s", style="%")
rec = logging.LogRecord("n", logging.INFO, "path.py", 10, "hello %s", ("world",), None)
print(fmt.format(rec), rec.getMessage(), logging.Formatter("{levelname}-{message}", style="{").format(rec), logging.Formatter("$message", style="$").format(rec))
logging.addLevelName(25, "NOTICE")
log.log(25, "custom level")
print(logging.getLogger() is logging.root, logging.getLogger("app") is log, logging.root.level, logging.INFO, logging.getLevelNamesMapping()["ERROR"])
logging.disable(logging.ERROR)
log.error("disabled")
logging.disable(logging.NOTSET)
log.error("enabled again")
logging.root.handlers.clear()
logging.getLogger("nohandler").warning("to lastResort on stderr")
logging.shutdown()
