# Pins: doctest: running examples from docstrings with a report of one failure, exception examples, ELLIPSIS and NORMALIZE_WHITESPACE options (runner output captured, paths stripped).
import doctest, io, re
def add(a, b):
    """
    >>> add(1, 2)
    3
    >>> add('a', 'b')
    'ab'
    >>> add(1, 1)
    3
    >>> add(1, 'x')
    Traceback (most recent call last):
        ...
    TypeError: unsupported operand type(s) for +: 'int' and 'str'
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b")  # doctest: +NORMALIZE_WHITESPACE
    a b
    """
    return a + b
finder = doctest.DocTestFinder()
runner = doctest.DocTestRunner(verbose=False)
out = io.StringIO()
for test in finder.find(add, "add", globs={"add": add}):
    runner.run(test, out=out.write)
text = re.sub(r'File ".*?", line \d+', 'File "X", line N', out.getvalue())
print(text)
print(runner.summarize(verbose=False))
print(doctest.testmod.__name__, doctest.ELLIPSIS != 0)
parser = doctest.DocTestParser()
examples = parser.get_examples(">>> x = 1\n>>> x + 1\n2\n")
print([(e.source, e.want) for e in examples])
print(doctest.script_from_examples(">>> 1 + 1\n2\n"))
