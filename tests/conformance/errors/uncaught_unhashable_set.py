# Pins: uncaught TypeError for an unhashable list used as a dict key in a comprehension (3.14 message "cannot use 'list' as a dict key (unhashable type: 'list')"); traceback caret under the key expression.
def dedupe(rows):
    seen = set()
    for row in rows:
        seen.add(tuple(row))
    return len(seen)
print(dedupe([[1, 2], [1, 2], [3]]))
def index_by(rows, key):
    return {row[key]: row for row in rows}
print(index_by([{"id": 1}, {"id": 2}], "id"))
print(index_by([{"id": [1]}, {"id": [2]}], "id"))
