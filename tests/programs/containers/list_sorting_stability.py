# list.sort edge cases: stability, key functions raising, reverse stability, sorting tuples with ties.
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2), ("gus", 3)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
print(sorted(records, key=lambda r: r[1], reverse=True))
print(list(reversed(sorted(records, key=lambda r: r[1]))))
multi = sorted(sorted(records, key=lambda r: r[0], reverse=True), key=lambda r: r[1])
print(multi)
data = [3, 1, 2]
try:
    data.sort(key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, data)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=lambda v: (v < 0, abs(v))), sorted(nums, key=str))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
words.sort(key=str.lower)
print(words)
words.sort()
print(words)
print(sorted([[2, "b"], [1, "z"], [2, "a"], [1, "a"]]), sorted([(1, 2), (1,), (0, 9, 9), ()]))
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int), sorted("Hello World"))
print(sorted([0.5, -0.0, 0.0, -1, True, False]), sorted([3, 2, 1], key=lambda v: 0))
big = list(range(100, 0, -1))
big.sort(key=lambda v: v % 10)
print(big[:15])
big.sort(key=lambda v: (v % 3, -v))
print(big[:10], big[-5:])
