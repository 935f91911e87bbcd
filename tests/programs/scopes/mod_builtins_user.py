import builtins


def kind():
    return type(__builtins__).__name__


def same():
    return __builtins__ is vars(builtins)
