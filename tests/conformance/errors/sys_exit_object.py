# Pins: SystemExit with a non-int, non-None object prints its str to stderr and exits 1.
raise SystemExit(["a", "list"])
