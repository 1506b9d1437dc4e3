# Pins: SyntaxError for 'await' outside an async function.
def f():
    await something()
