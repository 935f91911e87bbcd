import shlex

print(shlex.split('ls -l "my file.txt" \'single q\' a\\ b'))
print(shlex.split("echo $HOME # comment", comments=True))
print(shlex.split('a "b c" d', posix=False))
print(shlex.quote("safe"), shlex.quote("it's here"), shlex.quote(""), shlex.quote("a b"))
print(shlex.join(["cp", "my file", "dest dir/", "--flag=x y"]))
lex = shlex.shlex("a=1; b = 'two words' # trailing", posix=True)
lex.whitespace_split = False
print(list(lex))
lex = shlex.shlex("foo(bar, baz) && qux || z", punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('x "quoted string" y')
print(lex.get_token(), lex.get_token(), lex.get_token(), repr(lex.get_token()))
lex = shlex.shlex("one two")
lex.push_token("zero")
print(lex.get_token(), lex.get_token(), lex.lineno)
for bad in ['unterminated "quote', "bad 'q", "trailing\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print("ValueError:", e)
print(shlex.split("  "), shlex.split('""'), shlex.split("a\nb\tc"))
