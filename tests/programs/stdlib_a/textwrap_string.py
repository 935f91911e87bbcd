import string
from string import Template, capwords

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(capwords('hello   wide world'), capwords('a-b-c', '-'), capwords(' x '))

t = Template('$who likes $what; ${who}s pay $$5')
print(t.substitute(who='tim', what='ham'), t.substitute({'who': 'ann', 'what': 'jam'}))
print(t.substitute({'who': 'a', 'what': 'b'}, what='override'))
print(t.safe_substitute(who='bob'), t.get_identifiers(), t.is_valid())
print(Template('$x$y').substitute(x=1, y=[2]), Template('no placeholders').substitute())
for tmpl, kw in [('$missing', {}), ('bad $ here', {}), ('line1\n  ${bad', {}), ('$1', {})]:
    try:
        print(Template(tmpl).substitute(**kw))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(Template('bad $ here ${ok} $9').safe_substitute(ok='fine'), Template('$ x').is_valid())


class Percent(Template):
    delimiter = '%'


print(Percent('%name costs %%%price').substitute(name='tea', price=3))

import textwrap

text = ("The quick brown fox jumps over the lazy dog. It was a well-known, "
        "state-of-the-art fox -- truly remarkable. Pack my box with five dozen liquor jugs!")
for width in (10, 25, 40, 70):
    print(f"--- width {width}")
    for line in textwrap.wrap(text, width):
        print(repr(line))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12, break_on_hyphens=False))
print(textwrap.wrap("Hello there.  How are you? Fine.", 12, fix_sentence_endings=True))
print(textwrap.wrap("tabs\there\tand\nnewlines", 8), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap("keep   the   spaces", 9, drop_whitespace=False))
print(textwrap.shorten("Hello  world!   This is a long sentence.", width=20))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello world!", 11, placeholder='..'))
print(textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 20, max_lines=3, placeholder=' ~'))
print(repr(textwrap.dedent("""
    def f():
        return 1

      # comment
    """)))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   \n  x\n  y")), repr(textwrap.dedent("none")))
print(repr(textwrap.indent("one\n\ntwo\n", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.shorten("long text here", 3)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
w = textwrap.TextWrapper(width=15, subsequent_indent='    ')
print(w.wrap("wrapping with a reusable wrapper object is handy"), w.width)
