# Pins: exception notes (add_note) printed after the exception line of an uncaught exception.
err = TypeError("bad type")
err.add_note("note one")
err.add_note("note two\nspans lines")
raise err
