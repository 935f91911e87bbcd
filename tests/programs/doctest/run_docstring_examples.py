import doctest


def square(x):
    """
    >>> square(3)
    9
    >>> square(-2)
    4
    """
    return x * x


doctest.run_docstring_examples(square, {"square": square})
doctest.run_docstring_examples(square, {"square": square}, verbose=True, name="sq")

t = doctest.DocTestParser().get_doctest(
    ">>> 1 +\\\n... 1\n2\n>>> for i in range(2):\n...     print(i)\n0\n1\n",
    {}, "multi", "multi.txt", 0)
print(t, len(t.examples))
print(doctest.DocTestRunner(verbose=True).run(t))
print(doctest.testfile("example_doc.txt"))
print(doctest.testfile("example_doc.txt", verbose=True))
