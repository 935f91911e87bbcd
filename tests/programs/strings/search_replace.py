# find/rfind/index/rindex/count/replace/startswith/endswith.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.find("o", 5, 10), s.find(""))
print(s.index("world"), s.rindex("o"), s.count("o"), s.count("hello"), s.count(""), s.count("l", 0, 5))
try:
    s.index("java")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("java")
except ValueError as e:
    print("ValueError:", e)
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), s.replace("l", ""), s.replace("", "-")[:12])
print("aaa".replace("a", "b", 2), "aaaa".replace("aa", "b"), "abc".replace("x", "y"), "".replace("", "x"))
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("hi", "he")), s.endswith("python"))
print(s.endswith(("java", "thon")), s.endswith("hello", 0, 5), "".startswith(""), "abc".startswith(""))
print("banana".count("ana"), "banana".find("na", -3), "banana".rfind("na", 0, 4), "abc".find("c", -1))
print("x" in "xyz", "yz" in "xyz", "" in "xyz", "zx" in "xyz", "xyz".__contains__("y"))
phrase = "The rain in Spain stays mainly in the plain"
print([i for i in range(len(phrase)) if phrase.startswith("ain", i)])
print(phrase.lower().count("the"), phrase.upper().find("SPAIN"))
idx = -1
positions = []
while True:
    idx = phrase.find("in", idx + 1)
    if idx == -1:
        break
    positions.append(idx)
print(positions)
