# map, filter, sorted / list.sort (key, reverse, stability), min, max, sum.
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [5, 2])), list(map(str.strip, [" a ", "b "])))
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(str.isupper, "aBcD")))
people = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "LA"), ("dave", 30, "NY"), ("eve", 25, "NY")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1], p[0])))
by_name = sorted(people)
by_age = sorted(by_name, key=lambda p: p[1])
print([p[0] for p in by_age])
lst = [5, 2, 9, 1, 5, 6]
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted((2, 1)), sorted([]), sorted([0.5, -1, 3]))
print(min(3, 1, 2), max([4, 9, 2]), min("hello"), max("a", "bb", key=len), min([], default="empty"))
print(max([], default=None), min([(2, "b"), (1, "z"), (1, "a")]), max({"a": 5, "b": 9}, key=lambda k: -ord(k)))
print(max([1, 3, 3, 2], key=lambda x: x % 3), min([-3, 3, 2], key=abs), max([-3, 3], key=abs))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2, 3]], []), sum(range(101)), sum([0.1] * 10), sum([]))
print(sum((x for x in range(5)), start=100), sum([True, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(any([]), all([]), any([0, "", 1]), all([1, "a", [0]]), all([1, 0]), any(x > 5 for x in range(3)))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
nums.sort(key=abs)
print(nums)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
