# help() and pydoc on user code, and the names `site` adds to builtins.
import pydoc
import sys

print(repr(exit))
print(repr(quit))
print(repr(help))
print(repr(credits))
print(type(exit).__module__, type(exit).__name__, type(help).__name__)
print(sys.copyright.splitlines()[0])
copyright()



def area(width, height=1, *, unit="m"):
    """Area of a rectangle.

    The unit is only shown."""
    return width * height


class Shape:
    """A shape with slots."""

    __slots__ = ("name",)
    kind = "abstract"

    def describe(self, verbose=False):
        "Say what it is."
        return self.name

    @property
    def title(self):
        """The name, capitalised."""
        return self.name.title()

    @classmethod
    def make(cls):
        """Make one."""
        s = cls()
        s.name = "x"
        return s

    @staticmethod
    def helper(a, b):
        return a + b


class Square(Shape):
    """A square."""

    __slots__ = ()
    sides = 4

    def describe(self, verbose=False):
        return "square"


help(area)
help(Shape)
help(Square)
help(Square.describe)
help(Shape.make().describe)
help("nosuchthing_anywhere")
print(pydoc.render_doc(area, "Doc: %s").splitlines()[:3])
print(pydoc.plain(pydoc.render_doc(area)).splitlines()[0])
print(pydoc.getdoc(Shape), "|", pydoc.describe(Shape), "|", pydoc.describe(area))
help("if")
# Last: CPython closes sys.stdin when exit() or quit() is called.
try:
    quit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    exit()
except SystemExit as e:
    print("SystemExit", e.code)
