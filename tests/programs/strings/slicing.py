# String slicing, steps, negative indices, repetition, iteration, comparisons.
s = "abcdefghij"
print(s[0], s[-1], s[3:6], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], s[::-3], s[2:8][::-1][1:3])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[1] = "X"
except TypeError as e:
    print("TypeError:", e)
print(s * 2, "-" * 3, len(s * 0), "ab" * 3 == "ababab")
print([c for c in "héllo"], list("日本語"), "日本語"[1], "😀x"[1], len("😀"))
print(s[slice(2, 5)], s[slice(None, None, -2)], slice(1, 10, 2).indices(5), slice(-3, None).indices(10))
sl = slice(1, 8, 3)
print(sl.start, sl.stop, sl.step, s[sl], repr(sl))
print("a" < "b", "abc" < "abd", "Z" < "a", "" < " ", "abc" == "abc", len("a" * 3) == 3)
print(max("hello"), min("hello"), sorted("hello", reverse=True), "".join(sorted("dcba")))
word = "racecar"
print(word == word[::-1], "palindrome" if "level"[::-1] == "level" else "no")
print(str(123)[::-1], int(str(1200)[::-1]), "-".join("abc"[i:i + 2] for i in range(0, 3, 2)))
def chunks(text, n):
    return [text[i:i + n] for i in range(0, len(text), n)]
print(chunks("abcdefghijk", 3), chunks("", 2))
