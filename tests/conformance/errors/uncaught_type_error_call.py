# Pins: uncaught TypeError from calling a function with a wrong keyword argument: message names the function's qualname, traceback shows the call line.
class Service:
    def connect(self, host, port=80, *, timeout=5):
        return f"{host}:{port} ({timeout}s)"
svc = Service()
print(svc.connect("localhost", 8080, timeout=1))
print(svc.connect("example.org", tiemout=3))
