# Helper for errors/error_in_helper_module.py (not a case).
def divide(a, b):
    return a / b

def call_back(fn):
    return fn()
