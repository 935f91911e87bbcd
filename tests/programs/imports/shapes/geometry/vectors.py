from ..base import Shape
from .. import VERSION

def dot(a, b):
    return sum(x * y for x, y in zip(a, b))

def info():
    return f"vectors module {__name__} in package {__package__}, shapes version {VERSION}, Shape={Shape.__name__}"
