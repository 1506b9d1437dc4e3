# Pins: logging.config.dictConfig: formatters/handlers/loggers/root sections, propagate false, handler levels and filters by name, incremental-free reconfiguration with disable_existing_loggers, errors for bad config.
import logging, logging.config, sys
config = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "brief": {"format": "%(levelname)s:%(name)s:%(message)s"},
        "braces": {"format": "[{levelname:<7}] {name} - {message}", "style": "{"},
    },
    "filters": {"only_db": {"name": "app.db"}},
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "brief", "level": "DEBUG"},
        "db_only": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "braces", "filters": ["only_db"]},
    },
    "loggers": {
        "app": {"level": "INFO", "handlers": ["out"], "propagate": False},
        "app.db": {"level": "DEBUG", "handlers": ["db_only"]},
        "noisy": {"level": "ERROR"},
    },
    "root": {"level": "WARNING", "handlers": ["out"]},
}
pre = logging.getLogger("preexisting")
logging.config.dictConfig(config)
logging.getLogger("app").info("app info")
logging.getLogger("app").debug("app debug hidden")
logging.getLogger("app.db").debug("db debug via both handlers")
logging.getLogger("app.web").info("web info propagates to app only")
logging.getLogger("noisy").warning("noisy warning hidden")
logging.getLogger("noisy").error("noisy error to root")
logging.getLogger("other").warning("other warning to root")
pre.warning("preexisting still enabled")
print(logging.getLogger("app").level, logging.getLogger("app").propagate, [type(h).__name__ for h in logging.getLogger("app.db").handlers], logging.root.level)
sys.stdout.flush()
logging.config.dictConfig({"version": 1, "disable_existing_loggers": True, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}}, "root": {"handlers": ["h"], "level": "DEBUG"}})
logging.getLogger("app").error("app disabled now")
logging.getLogger("brand.new").info("new logger works")
print(logging.getLogger("app").disabled, logging.getLogger("brand.new").disabled)
sys.stdout.flush()
for bad in [{}, {"version": 2}, {"version": 1, "handlers": {"x": {"class": "no.such.Handler"}}}, {"version": 1, "loggers": {"a": {"handlers": ["missing"]}}}, {"version": 1, "formatters": {"f": {"format": "%(x", "style": "%"}}}]:
    try:
        logging.config.dictConfig(bad)
        print("accepted", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, str(e).splitlines()[0])
