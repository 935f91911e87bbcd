# String literals: escapes, raw strings, unicode, implicit concatenation, triple quotes.
print('single', "double", '''triple single''', """triple double""")
print("tab\there", "newline\\n shown", 'quote\'s', "dq\"s")
print("bell-less: \x41\x42\x43", "\u00e9\u4e2d", "\U0001F600", "\N{GREEK SMALL LETTER ALPHA}")
print("octal \101\102", "null\0byte"[4:6] == "\0b")
print(r"raw \n stays", R"C:\path\to", r'\d+\s*')
print("implicit " "concatenation " 'works')
s = ("multi"
     "line"
     " join")
print(s, len(s))
t = """line one
line two
    indented"""
print(t)
print(len(t), t.count("\n"))
u = "héllo wörld ☃ 😀"
print(u, len(u), u.upper())
print(repr(u))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\t\n\r\x00\x7f"))
print(repr("\u200b"), repr("\xa0"), repr("é"), repr("\U0001F600"))
print("back\\slash", len("\\"))
print("a\
b")
empty = ""
print(repr(empty), len(empty), bool(empty))
print(repr('''it's "quoted"'''))
