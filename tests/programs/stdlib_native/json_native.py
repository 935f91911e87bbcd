# json through the native _json scanner and encoder: CPython's output, errors and
# positions, hooks, subclasses and options.
import json
import json.decoder
import json.scanner
from json import JSONDecodeError
from collections import OrderedDict
from decimal import Decimal
from enum import IntEnum


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        extra = ""
        if isinstance(e, JSONDecodeError):
            extra = " msg=%r pos=%d lineno=%d colno=%d" % (e.msg, e.pos, e.lineno, e.colno)
        print(label, "!!", type(e).__name__ + ":", e, extra)


# ---- dumps: values, subclasses and options
class S(str):
    def __str__(self):
        return "S-str"


class I(int):
    def __repr__(self):
        return "I-repr"


class F(float):
    def __repr__(self):
        return "F-repr"


class Color(IntEnum):
    RED = 1


class L(list):
    pass


class T(tuple):
    pass


class D(dict):
    pass


class Items(dict):
    def items(self):
        return [("z", 1), ("a", 2)]


doc = {"s": "plain", "esc": "q\"b\\n\n\t\r\b\f\x01\x7f", "uni": "caf\u00e9 \u20ac \U0001F600",
       "ints": [0, -1, 2**63, -(2**70), I(7), Color.RED], "floats": [0.0, -0.0, 1.5, 1e300, 1e-7, F(2.5)],
       "consts": [None, True, False], "nested": [[], {}, [[]], {"k": {}}], "sub": [S("x"), L([1]), T((2, 3)), D(a=1)],
       "items": Items(q=1)}
show("dumps", lambda: json.dumps(doc))
show("dumps ensure_ascii=False", lambda: json.dumps(doc, ensure_ascii=False))
show("dumps sort_keys", lambda: json.dumps({"b": 1, "a": 2, "\u00e9": 3, "B": 4}, sort_keys=True))
show("dumps separators", lambda: json.dumps([1, {"a": 2}], separators=(",", ":")))
show("dumps indent=2", lambda: json.dumps(doc, indent=2))
show("dumps indent='\\t'", lambda: json.dumps([1, [2, {"a": [3]}]], indent="\t"))
show("dumps indent=0", lambda: json.dumps({"a": [1, 2]}, indent=0))
show("dumps indent sep", lambda: json.dumps({"a": [1, 2]}, indent=1, separators=(";", "=")))
show("dumps indent float", lambda: json.dumps([1], indent=1.5))
show("dumps keys", lambda: json.dumps({1: "i", 2.5: "f", True: "t", None: "n", "s": "s", 10**20: "big"}))
show("dumps float keys nan", lambda: json.dumps({float("nan"): 1, float("inf"): 2, float("-inf"): 3}))
show("dumps bad key", lambda: json.dumps({(1, 2): 3}))
show("dumps bad key indent", lambda: json.dumps({(1, 2): 3}, indent=2))
show("dumps skipkeys", lambda: json.dumps({(1, 2): 3, "a": 4}, skipkeys=True))
show("dumps sort mixed", lambda: json.dumps({1: 1, "a": 2}, sort_keys=True))
show("dumps sort ints", lambda: json.dumps({3: 1, 1: 2, 2: 0}, sort_keys=True))
show("dumps nan", lambda: json.dumps([float("nan"), float("inf"), -float("inf")]))
show("dumps nan strict", lambda: json.dumps([float("nan")], allow_nan=False))
show("dumps inf strict indent", lambda: json.dumps([float("inf")], allow_nan=False, indent=1))
show("dumps key nan strict", lambda: json.dumps({float("nan"): 1}, allow_nan=False))
show("dumps set", lambda: json.dumps({1, 2}))
show("dumps set in list", lambda: json.dumps([1, {3}]))
show("dumps default", lambda: json.dumps([{1, 2}, {"x": frozenset([5])}], default=sorted))
show("dumps default returns obj", lambda: json.dumps(object(), default=lambda o: {"obj": [1]}))
show("dumps bytes", lambda: json.dumps(b"x"))
circ = []
circ.append(circ)
show("dumps circular list", lambda: json.dumps(circ))
cd = {}
cd["me"] = cd
show("dumps circular dict", lambda: json.dumps(cd))
show("dumps circular dict indent", lambda: json.dumps(cd, indent=1))
show("dumps check_circular=False shared", lambda: json.dumps([[1], [1]], check_circular=False))
shared = [1]
show("dumps shared not circular", lambda: json.dumps([shared, shared, {"a": shared}]))


class Loop:
    pass


show("dumps default circular", lambda: json.dumps(Loop(), default=lambda o: o))
show("dumps str", lambda: json.dumps("a\u00e9\U0001F600"))
show("dumps str subclass", lambda: json.dumps(S("a")))
show("encode_basestring_ascii", lambda: json.encoder.encode_basestring_ascii("\x00\x1f\u00ff\uffff\U00010000\"\\"))
show("encode_basestring", lambda: json.encoder.encode_basestring("\x00\x1f\u00ff\"\\/"))
show("encode_basestring int", lambda: json.encoder.encode_basestring(5))
show("c_make_encoder markers", lambda: json.encoder.c_make_encoder([], None, None, None, ":", ",", False, False, True))
show("c_make_encoder sep", lambda: json.encoder.c_make_encoder(None, None, None, None, b":", ",", False, False, True))


class Upper(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


show("encoder subclass", lambda: Upper().encode({"c": 1 + 2j}))
show("encoder subclass error", lambda: Upper().encode({"c": object}))
show("iterencode", lambda: list(json.JSONEncoder().iterencode({"a": [1, 2]})))
show("iterencode indent", lambda: "".join(json.JSONEncoder(indent=2).iterencode({"a": [1, 2]})))


def bad_encoder(s):
    return 5


show("custom string encoder", lambda: json.encoder.c_make_encoder(None, None, lambda s: "<" + s + ">", None, ":", ",", False, False, True)(["a", {"b": 1}], 0))
show("custom string encoder bad", lambda: json.encoder.c_make_encoder(None, None, bad_encoder, None, ":", ",", False, False, True)(["a"], 0))

# ---- loads: values, hooks and options
text = '{"a": [1, -2, 3.5, -0.0, 1e5, 1E-2, 2.5e+3, 12345678901234567890123], "b": null, "c": true, "d": false, "e": "x\\u00e9\\ud83d\\ude00\\n\\/", "f": {}, "g": [], "h": NaN, "i": -Infinity, "j": Infinity, " k ": "caf\u00e9"}'
show("loads", lambda: json.loads(text))
show("loads pairs hook", lambda: json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=list))
show("loads OrderedDict", lambda: json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
show("loads object_hook", lambda: json.loads('{"b": 1, "a": {"c": 2}}', object_hook=lambda d: sorted(d)))
show("loads both hooks", lambda: json.loads('{"b": 1}', object_hook=len, object_pairs_hook=tuple))
show("loads parse_float", lambda: json.loads('[1.10, 2, 3e2]', parse_float=Decimal))
show("loads parse_int", lambda: json.loads('[1.5, 2, -3]', parse_int=lambda s: "int:" + s))
show("loads parse_constant", lambda: json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))
show("loads big int", lambda: json.loads("1" + "0" * 30))
show("loads too big int", lambda: json.loads("1" * 5000))
show("loads strict control", lambda: json.loads('"a\tb"'))
show("loads non-strict control", lambda: json.loads('"a\tb"', strict=False))
show("loads bytes", lambda: json.loads(b'{"a": "\xc3\xa9"}'))
show("loads bytearray", lambda: json.loads(bytearray(b'[1]')))
show("loads int arg", lambda: json.loads(5))
show("loads BOM", lambda: json.loads('\ufeff[1]'))
show("loads keys memo", lambda: [id(a) == id(b) for a, b in [tuple(json.loads('[{"key": 1}, {"key": 2}]')[i] for i in range(2))]] and [k for d in json.loads('[{"k": 1}, {"k": 2}]') for k in d])
show("loads dup keys", lambda: json.loads('{"a": 1, "a": 2}'))
show("loads lone surrogate pair order", lambda: json.loads('"\\ud83d\\u0041"') == "\ud83d" + "A" or "replaced")
show("loads whitespace", lambda: json.loads(' \t\n\r[ 1 , { "a" : 2 } ] \n'))
show("raw_decode", lambda: json.JSONDecoder().raw_decode('[1, 2] rest'))
show("raw_decode idx", lambda: json.JSONDecoder().raw_decode('xx{"a": 1}', 2))
show("raw_decode neg", lambda: json.JSONDecoder().raw_decode('[1]', -1))
show("raw_decode end", lambda: json.JSONDecoder().raw_decode('[1]', 3))
show("scan_once", lambda: json.scanner.make_scanner(json.JSONDecoder())('"abc" 1', 0))
show("scan_once number", lambda: json.scanner.make_scanner(json.JSONDecoder())('-12.5e3,', 0))
show("scan_once stop", lambda: json.scanner.make_scanner(json.JSONDecoder())('x', 0))
show("scan_once type", lambda: json.scanner.make_scanner(json.JSONDecoder())(b'1', 0))
show("scanner attrs", lambda: (json.scanner.make_scanner(json.JSONDecoder(strict=False)).strict, type(json.JSONDecoder().scan_once).__name__))
show("scanstring", lambda: json.decoder.scanstring('"ab\\u00e9c" tail', 1))
show("scanstring nonascii", lambda: json.decoder.scanstring('é"ab\\u00e9c" tail', 2))
show("scanstring bounds", lambda: json.decoder.scanstring('"ab"', 10))
show("scanstring type", lambda: json.decoder.scanstring(1, 1))

# ---- loads: errors (messages and positions, also after non-ASCII text)
bad_docs = ['', ' ', '[', ']', '{', '{"a"', '{"a":', '{"a" 1}', '{"a": 1', '{"a": 1,}', '{"a": 1 "b": 2}',
            '[1,]', '[1 2]', '[1,,2]', '{1: 2}', "{'a': 1}", '"abc', '"ab\\', '"\\x"', '"\\u12"', '"\\u12G4"',
            '"\\ud800\\u12"', '"\\ud800\\uZZZZ"', 'nul', 'tru', 'fals', 'NaN1', '-', '-x', '01', '1.', '.5', '1e',
            '1e+', '[1]x', '[1] [2]', '"a\x00b"', '"a\nb"', '\n\n  [1,\n   2,,\n', '["\u00e9\u00e9", x]',
            '{"\u00e9": 1, "b" 2}', '"\u00e9\\q"', '[-Infinity, -Infinit]', 'Infinit', '{"a":1}}',
            '[' * 10 + ']' * 9]
for d in bad_docs:
    show("loads %r" % d, lambda: json.loads(d))

# ---- deep nesting
show("deep loads", lambda: json.loads("[" * 100000 + "]" * 100000))
show("deep loads obj", lambda: json.loads('{"a":' * 100000 + "1" + "}" * 100000))
deep = []
for _ in range(100000):
    deep = [deep]
show("deep dumps", lambda: json.dumps(deep))
show("deep dumps indent", lambda: json.dumps(deep, indent=1))

# ---- round trips
import random
rng = random.Random(5)


def gen(depth):
    r = rng.random()
    if depth > 3 or r < 0.3:
        return rng.choice([None, True, False, rng.randint(-10**6, 10**6), rng.random() * 1e6,
                           "".join(chr(rng.choice([65, 97, 233, 0x20ac, 0x1F600, 10, 34, 92])) for _ in range(rng.randint(0, 6)))])
    if r < 0.65:
        return [gen(depth + 1) for _ in range(rng.randint(0, 4))]
    return {"k%d%s" % (i, chr(rng.choice([65, 233, 0x20ac]))): gen(depth + 1) for i in range(rng.randint(0, 4))}


for i in range(30):
    v = gen(0)
    for kw in [{}, {"ensure_ascii": False}, {"indent": 1, "sort_keys": True}, {"separators": (",", ":")}]:
        s = json.dumps(v, **kw)
        assert json.loads(s) == v, (v, kw)
    if i < 5:
        print(json.dumps(v, sort_keys=True))
print("round trips ok")
