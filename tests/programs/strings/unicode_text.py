# Unicode strings: lengths, indexing, case, ord/chr, escapes.
samples = ["ascii", "café", "naïve façade", "日本語テキスト", "emoji 😀🎉", "Ελληνικά", "Ünïcödé", "mixed 中文 and ελληνικά"]
for t in samples:
    print(len(t), t.upper(), t[::-1], t[:3], [ord(c) for c in t[:2]], t.encode("utf-8")[:6])
print("\u00e9" == "é", "e\u0301" == "é", len("e\u0301"), "\N{SNOWMAN}", "\U0001F40D")
print(sorted(["é", "e", "z", "a", "É"]), max("aé"), "é" > "z")
print(chr(0x263A), hex(ord("☺")), "%c" % 0x1F600, "{:c}".format(0x3B1))
print(repr("\x00\x1f\x7f\x80\x9f\xa0\xad"), repr("\u2028"), repr("\ud7ff"), repr("\ue000"))
print("ÀÉÎÕÜ".lower(), "àéîõü".upper(), "ǅ".lower(), "ﬁ".upper())
words = "Größe Maße Fuß".split()
print([w.upper() for w in words], [len(w.upper()) for w in words])
print("".join(chr(ord(c) + 1) for c in "HAL"), "".join(map(chr, range(945, 950))))
count = {}
for ch in "abracadabra 日日本":
    count[ch] = count.get(ch, 0) + 1
print(count)
