"""Module docstring with an example.

>>> 1 + 1
2
"""


def add(a, b):
    """Add two things.

    >>> add(1, 2)
    3
    >>> add('a', 'b')
    'ab'
    >>> [add(i, i) for i in range(3)]
    [0, 2, 4]
    >>> print(add(2, 2))
    4
    >>> x = add(5, 5)
    >>> x
    10
    """
    return a + b


def raises(x):
    """
    >>> raises(0)
    Traceback (most recent call last):
        ...
    ZeroDivisionError: division by zero
    >>> raises(2)
    0.5
    >>> raises('a')   # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: unsupported operand type(s) for /: 'int' and ...
    """
    return 1 / x


class Stack:
    """A stack.

    >>> s = Stack()
    >>> s.push(1); s.push(2)
    >>> s.items
    [1, 2]
    >>> s.pop()
    2
    """

    def __init__(self):
        self.items = []

    def push(self, x):
        """
        >>> Stack().push(3)
        """
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    @property
    def size(self):
        """
        >>> Stack().size
        0
        """
        return len(self.items)

    @staticmethod
    def helper():
        """
        >>> Stack.helper()
        'help'
        """
        return 'help'


def no_tests():
    """Nothing to run here."""


if __name__ == "__main__":
    import doctest
    print(doctest.testmod())
    print(doctest.testmod(verbose=True))
