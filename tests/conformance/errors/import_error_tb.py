# Pins: traceback for ModuleNotFoundError on a top-level import.
import json
import no_such_module_spindle
