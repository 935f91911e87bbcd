import json

cases = ["", "   ", "{", "[", "[1,", "[1,]", "[1 2]", '{"a" 1}', '{"a": }', '{"a": 1,}',
         '{"a": 1 "b": 2}', "{1: 2}", '{"a": 1}}', "nul", "tru", "01", "1.", "-", ".5",
         '"abc', '"a\\qb"', '"\\u12"', '"\\u12G4"', '"tab\there"', "[1]\n[2]", '\n\n  {"x": [1,\n  2,, 3]}',
         "\ufeff[]", "'single'", "[NaN, Infinity, -Infinity, -Nan]", "1e", "{\"a\"", '"\\', "[-]"]
for c in cases:
    try:
        print(repr(c), "->", json.loads(c))
    except json.JSONDecodeError as e:
        print(repr(c), "->", type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(json.JSONDecodeError, ValueError))
d = json.JSONDecoder()
print(d.raw_decode('{"a": 1} trailing'), d.decode(" [true] "))
