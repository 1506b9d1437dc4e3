# Pins: AttributeError on None returned from a function (common bug): message "'NoneType' object has no attribute ...", caret under the attribute access in a chained expression.
import re
def find_version(text):
    return re.search(r"version=(\d+)", text)
print(find_version("version=3").group(1))
config = {"text": "name=demo"}
major = int(find_version(config["text"]).group(1))
print(major)
