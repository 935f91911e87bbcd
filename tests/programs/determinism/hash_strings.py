# hash() of strings under PYTHONHASHSEED=0 (SipHash-1-3 over CPython's internal representation).
samples = ["", "a", "b", "ab", "abc", "hello", "hello world", "The quick brown fox jumps over the lazy dog",
           "x" * 100, "0", "123", "key_1", "key_2", " ", "\n", "\x00",
           "é", "café", "naïve", "ÿ", "\xff\xfe",
           "Ω", "日本", "中文字符", "€100", "ĀāĂă", "\u0100", "\uffff",
           "😀", "a😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U00010000", "mixed é 日 😀"]
for s in samples:
    print(repr(s), hash(s))
print(hash("abc") == hash("ab" + "c"), hash("é") == hash("\u00e9"))
