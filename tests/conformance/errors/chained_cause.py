# Pins: traceback of an exception raised from another ("The above exception was the direct cause").
def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError(f"cannot parse {text!r}") from exc

parse("12")
parse("twelve")
