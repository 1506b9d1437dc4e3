# Pins: codeop.compile_command / compile() with PyCF_DONT_IMPLY_DEDENT|PyCF_ALLOW_INCOMPLETE_INPUT: which inputs are incomplete (None), complete (code) or errors, as the REPLs decide when to prompt '... '.
import codeop
for s in ['1+1', 'def f():', 'def f():\n  return 3', 'def f():\n  return 3\n', 'def f():\n  return 3\n\n', 'if 1:\n  pass\nelse', '1+', '(1,', 'x = [', ')', 'x = (1,\n  2)', '@d', 'try:\n  pass', 'x = """a', 'class A:\n  def f(self):\n    pass', 'class A:\n  def f(self):\n    pass\n', '', '# c', 'if x:\n  pass\nelse:', 'a = 1 + \\']:
    try:
        r = codeop.compile_command(s, '<stdin>', 'single')
        print(repr(s), 'code' if r else r)
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e)
