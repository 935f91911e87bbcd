from collections import Counter

c = Counter('abracadabra')
print(c)
print(c.most_common(), c.most_common(1), c.most_common(3), c.most_common(0))
print(c['a'], c['z'], len(c), sorted(c.elements()), c.total())

# ties keep first-insertion order
words = "the cat and the dog and the bird saw a cat".split()
wc = Counter(words)
print(wc.most_common(3))
print(wc.most_common())
print(Counter({'x': 1, 'y': 3, 'z': 1, 'w': 3}).most_common(2))

c.update('zzz')
c.update({'a': 10})
c.subtract('aab')
c.subtract({'r': 5})
print(c)
c.update(a=1, q=2)
print(c)
del c['nothing']
del c['q']
print(c)

a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(+a, -a)
a += b
print(a)
a -= Counter(a=10)
print(a)
x = Counter(a=2, b=2)
x |= Counter(a=5)
print(x)
x &= Counter(a=1, b=9)
print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=3))
print(Counter(), repr(Counter()), Counter([1, 1, 2]), Counter(x=0))
print(sorted(Counter('hello world').items()), list(Counter('banana').keys()))
print(dict(Counter('aab')), isinstance(Counter(), dict))

try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    Counter('ab') + {'a': 1}
except TypeError as e:
    print(type(e).__name__, e)

# letter frequencies of a short text
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
freq = Counter(ch for ch in text.lower() if ch.isalpha())
for letter, n in freq.most_common(5):
    print(letter, '*' * n)
print(Counter(text.lower().split()).most_common(4))
