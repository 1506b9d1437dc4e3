from .. import sub
deep_value = "deep:" + sub.helper()

def beyond():
    from ... import anything
