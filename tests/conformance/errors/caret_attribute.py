# Pins: traceback carets for a failing attribute access on a chained expression, with a "Did you mean" hint.
class Config:
    def __init__(self):
        self.settings = {"debug": True}
        self.name = "cfg"

cfg = Config()
print(cfg.settings["debug"])
print(cfg.nmae.upper())
