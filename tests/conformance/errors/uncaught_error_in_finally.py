# Pins: an exception raised inside a finally block while another exception is propagating: the new exception is uncaught and the original appears as its context ("During handling of the above exception, another exception occurred").
def cleanup(resource):
    print("cleaning", resource["name"])
    resource["handle"].close()
def process():
    resource = {"name": "db", "handle": None}
    try:
        print("processing")
        raise ValueError("processing failed")
    finally:
        cleanup(resource)
process()
