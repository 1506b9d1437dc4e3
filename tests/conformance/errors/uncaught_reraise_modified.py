# Pins: bare `raise` in an except block re-raises the original exception with its traceback extended by the handler frame; args modified before re-raise show up in the final message; notes added in handlers.
def load(name):
    raise FileNotFoundError(2, "No such file or directory", name)
def load_config():
    try:
        load("settings.toml")
    except FileNotFoundError as e:
        e.add_note("while loading the application configuration")
        print("logging:", type(e).__name__, e.filename)
        raise
load_config()
