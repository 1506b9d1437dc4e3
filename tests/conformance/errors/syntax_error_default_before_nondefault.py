# Pins: SyntaxError "parameter without a default follows parameter with a default" in a function signature.
def configure(host="localhost", port):
    return host, port
