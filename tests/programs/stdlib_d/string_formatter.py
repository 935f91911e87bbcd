import string
from string import Formatter, Template

f = Formatter()
print(f.format("{0} and {1}", "spam", "eggs"))
print(f.format("{} {} {}", 1, 2.5, "x"))
print(f.format("{name!r:>10}|{n:05d}|{x:.3f}", name="ab", n=42, x=3.14159))
print(f.format("{0[1]} {0[key]} {1.real}", {1: "one", "key": "k"}, 7))
print(f.format("{:{width}.{prec}f}", 2.718281, width=10, prec=2))
print(f.format("{{literal}} {0!s} {0!a}", "é"))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
print(list(f.parse("x{0!r:>4}y{{z}}{}")))
print(list(f.parse("")), list(f.parse("plain")), list(f.parse("{a.b[c]}")))

for bad in ["{", "}", "{0", "{0!}", "{0!rx}", "{0:{}", "a{b{c}"]:
    try:
        print(f.format(bad, 1, 2))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
try:
    f.format("{} {0}", 1)
except ValueError as e:
    print("ValueError", e)
try:
    f.format("{0} {}", 1, 2)
except ValueError as e:
    print("ValueError", e)
try:
    f.format("{0!x}", 1)
except ValueError as e:
    print("ValueError", e)


class Strict(Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            raise ValueError("unused: " + ",".join(sorted(unused)))

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        if spec == "upper":
            return str(value).upper()
        return super().format_field(value, spec)


s = Strict()
print(s.format("{a} {missing} {a:upper}", a="hi"))
try:
    s.format("{a}", a=1, b=2)
except ValueError as e:
    print("ValueError", e)

print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(len(string.printable))
t = Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="tim"))
print(t.get_identifiers(), t.is_valid(), Template("$").is_valid())
try:
    Template("$who").substitute({})
except KeyError as e:
    print("KeyError", e)


class Pct(Template):
    delimiter = "%"
    idpattern = r"[a-z][_a-z0-9]*"


print(Pct("%name is %{age}, 100%% sure").substitute(name="a", age=3), Pct.pattern.pattern.split()[0])
print(Pct("%Name %x").safe_substitute(x=1), Pct("%x %y").get_identifiers(), Pct("% x").is_valid())


class Upper(Template):
    flags = 0
    idpattern = r"[A-Z]+"
    braceidpattern = r"[a-z]+"


print(Upper("$ABC $abc ${low} ${UP}").safe_substitute(ABC=1, low=2, UP=3))


class Custom(Template):
    pattern = r"\[(?:(?P<escaped>\[)|(?P<named>\w+)\]|(?P<braced>)(?!)|(?P<invalid>))"


print(Custom("[a] and [[ and [b]").substitute(a=1, b=2))
for bad in ["line\n  % 1", "x %"]:
    try:
        Pct(bad).substitute()
    except ValueError as e:
        print("ValueError:", e)
