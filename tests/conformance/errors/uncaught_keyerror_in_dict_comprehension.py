# Pins: KeyError raised inside a dict comprehension at module level (inlined comprehension, PEP 709): traceback has no separate <dictcomp> frame, caret under the subscript.
prices = {"apple": 1.5, "pear": 2.0}
order = ["apple", "pear"]
print({item: prices[item] * 2 for item in order})
order.append("mango")
print({item: prices[item] * 2 for item in order})
