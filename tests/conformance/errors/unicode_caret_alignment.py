# Pins: traceback carets under an expression on a line containing wide (CJK) characters and emoji before the failing part.
def fail():
    data = {"名前": "値"}
    return data["名前"] + "😀" + data["キー"]

fail()
