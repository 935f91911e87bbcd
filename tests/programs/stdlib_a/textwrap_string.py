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
