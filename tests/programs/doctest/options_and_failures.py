import doctest
import re

__file__ = "options_and_failures.py"  # reports name the file as CPython's would


def normalize(text):
    # The frame of doctest's own exec() shows where doctest.py lives, and CPython
    # names this program by its absolute path.
    text = re.sub(r'File "[^"]*doctest(\.py|>)", line \d+, in', 'File "doctest.py", line N, in', text)
    return re.sub(r'File "[^"]*/options_and_failures.py"', 'File "options_and_failures.py"', text)


def flags():
    """
    >>> list(range(20))   # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b\\n  c")   # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> int("x")   # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: something else entirely
    >>> print(1)   # doctest: +SKIP
    2
    >>> print("")
    <BLANKLINE>
    >>> {'b': 1, 'a': 2}
    {'b': 1, 'a': 2}
    """


def fails(n):
    """
    >>> fails(1)
    2
    >>> fails(2)
    3
    >>> print("one\\ntwo\\nthree")
    one
    TWO
    three
    >>> fails(None)
    0
    >>> undefined_name
    1
    >>> fails(3)   # doctest: +ELLIPSIS
    4...
    >>> raise ValueError("boom")
    Traceback (most recent call last):
    ValueError: bang
    """
    def inner(m):
        return m + 1
    return inner(n)


out = []
runner = doctest.DocTestRunner(verbose=False)
for test in doctest.DocTestFinder().find(fails, "fails", globs={"fails": fails}):
    runner.run(test, out=out.append)
for test in doctest.DocTestFinder().find(flags, "flags", globs={}):
    runner.run(test, out=out.append)
print(normalize("".join(out)), end="")
print(runner.summarize(verbose=True))

# The report format options.
parser = doctest.DocTestParser()
text = """
>>> print('\\n'.join(['a', 'b', 'c', 'd']))
a
B
c
d
"""
for flag in (doctest.REPORT_UDIFF, doctest.REPORT_CDIFF, doctest.REPORT_NDIFF):
    t = parser.get_doctest(text, {}, "diffs", "diffs.txt", 10)
    r = doctest.DocTestRunner(optionflags=flag)
    o = []
    print(r.run(t, out=o.append))
    print("".join(o), end="")

# Examples parsed out of a string.
ex = parser.get_examples(">>> x = 1\n>>> x + 1\n2\n")
print([(e.source, e.want, e.lineno) for e in ex])
print(doctest.script_from_examples(">>> 2 * 3\n6\ntext\n"))

# testmod() of a module with failures.
import contextlib, io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    res = doctest.testmod(optionflags=doctest.ELLIPSIS)
print(normalize(buf.getvalue()), end="")
print(res)
