# Pins: IndexError/KeyError carets under subscripts in nested data access; KeyError message shows the key repr; traceback for error inside nested subscript expression.
data = {"users": [{"name": "ann", "roles": ["admin"]}, {"name": "bob", "roles": []}]}
print(data["users"][0]["roles"][0])
for user in data["users"]:
    try:
        print(user["name"], user["roles"][0])
    except IndexError as e:
        print(user["name"], "IndexError:", e)
print(data["users"][1]["email"])
