# Pins: traceback through exec() of a string and eval(), showing File "<string>" frames without source lines.
code = "def inner():\n    return undefined_in_exec\ninner()\n"
try:
    eval("(1 +\n 1 / 0)")
except ZeroDivisionError as e:
    print("eval error:", e)
exec(code)
