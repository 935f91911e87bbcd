# Every list method plus slicing and slice assignment.
l = [3, 1, 4]
l.append(1)
l.extend([5, 9])
l.extend("ab")
l.insert(0, "start")
l.insert(100, "end")
l.insert(-1, "before end")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(1), l.index(4), l.count(1), l.count("zz"))
try:
    l.remove("missing")
except ValueError as e:
    print("ValueError:", e)
try:
    l.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(7)
except IndexError as e:
    print("IndexError:", e)
nums = [5, 2, 8, 1, 9, 3]
c = nums.copy()
nums.reverse()
print(nums, c, nums is c)
nums.sort()
print(nums, sorted(c, reverse=True))
nums.clear()
print(nums, len(nums))
x = list(range(10))
print(x[2:5], x[-3:], x[::3], x[::-2], x[7:2:-1], x[100:], x[-100:2])
x[2:5] = ["a"]
print(x)
x[1:1] = [10, 20, 30]
print(x)
x[::2] = "ABCDEF"
print(x)
try:
    x[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del x[::2]
print(x)
x[:] = []
print(x)
y = [1, 2, 3]
y[-1:] = [7, 8, 9]
y[len(y):] = [10]
print(y, y.index(8, 2), y.index(9, 0, 6))
print([1, 2] * 2, [[0] * 2 for _ in range(2)], list("abc"), list((1, 2)), list({"k": 1}), list(range(3)))
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 3], [2] > [1, 5], [] == [], 3 in [1, 2, 3], [3] in [[3]])
stack = []
for v in range(4):
    stack.append(v * v)
print(stack.pop(), stack.pop(), stack)
nested = [[3, 2], [1], [2, 2, 2], []]
nested.sort(key=len)
print(nested, max(nested, key=sum))
a = [1, 2, 3]
b = a
a += [4]
a = a * 1
a.append(5)
print(a, b)
print(list(enumerate(["x", "y"])), [i for i in reversed([1, 2, 3])], [0] * 0)
