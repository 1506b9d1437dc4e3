# Pins: uncaught nested ExceptionGroup rendering: box-drawing separators, numbered sub-exceptions, nested group indentation, notes on sub-exceptions.
def validate(record):
    errors = []
    if not record.get("name"):
        errors.append(ValueError("name is required"))
    if record.get("age", 0) < 0:
        e = ValueError("age must be non-negative")
        e.add_note(f"got age={record['age']}")
        errors.append(e)
    if errors:
        raise ExceptionGroup(f"invalid record {record.get('id')}", errors)
failures = []
for rec in [{"id": 1, "name": "ok", "age": 3}, {"id": 2, "age": -1}, {"id": 3, "name": "", "age": 5}]:
    try:
        validate(rec)
        print("record", rec["id"], "valid")
    except ExceptionGroup as eg:
        print("record", rec["id"], "invalid:", len(eg.exceptions), "problem(s)")
        failures.append(eg)
raise ExceptionGroup("batch failed", failures + [TypeError("unexpected type")])
