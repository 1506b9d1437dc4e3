# Pins: an exception raised while another propagates through nested try/finally in two functions; the last one wins and contexts chain.
def cleanup():
    raise OSError("cleanup failed")

def run():
    try:
        raise KeyError("original")
    finally:
        cleanup()

run()
