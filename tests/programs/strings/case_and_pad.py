# Case conversion, padding/alignment, predicates, expandtabs, zfill.
words = ["hello", "WORLD", "mIxEd CaSe", "o'neil's book", "123abc", "title Case words"]
for w in words:
    print(w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
print("abc".center(9), "|" + "abc".center(8, "*") + "|", "abc".ljust(6, "."), "abc".rjust(6, "."), "abcdef".center(2))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(5), "12345".zfill(3))
tests = ["123", "12a", "", "abc", "ABC", "aBc", "   ", " a ", "\t\n", "Ab1", "Hello World", "hello world", "HELLO1"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.isdecimal(), t.isnumeric(), t.istitle())
print("_ident".isidentifier(), "1abc".isidentifier(), "class".isidentifier(), "héllo".isascii(), "abc".isascii(), "a\x07".isprintable())
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("12345\t6".expandtabs(4)), repr("\tx\n\ty".expandtabs(2)))
print(f"{'Name':<10}{'Qty':>5}{'Price':>10}")
for name, qty, price in [("apple", 3, 1.5), ("melon", 12, 0.25), ("kiwi", 100, 10.0)]:
    print(f"{name:<10}{qty:>5}{price:>10.2f}")
print("Straße".upper(), "İ".lower() == "i̇", len("İ".lower()))
