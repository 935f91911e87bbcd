import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for v in [5, 1, 8, 3, 2, 9, 4]:
    heappush(h, v)
    print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data)
print(data)
print(heapreplace(data, 10), data)
print(heappushpop(data, -1), heappushpop(data, 4), data)
print(nlargest(3, [5, 1, 8, 3, 9, 2]), nsmallest(3, [5, 1, 8, 3, 9, 2]), nlargest(10, [2, 1]), nsmallest(0, [1]))
people = [('ann', 30), ('bob', 25), ('cid', 30), ('dee', 25), ('eve', 35), ('fay', 30)]
print(nlargest(3, people, key=lambda p: p[1]), nsmallest(3, people, key=lambda p: p[1]))
print(nlargest(1, people, key=lambda p: p[1]), nsmallest(2, iter([3, 1, 2])), nlargest(2, []))
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge([1, 3], [])))
print(list(merge(['a', 'ccc'], ['bb', 'dddd'], key=len)), list(merge([9, 5, 1], [8, 2], reverse=True)))

# tasks by priority, ties by insertion counter
tasks = []
for i, (prio, name) in enumerate([(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee')]):
    heappush(tasks, (prio, i, name))
while tasks:
    print(heappop(tasks))

for f in [lambda: heappop([]), lambda: heapreplace([], 1), lambda: heappush((), 1), lambda: heapify(None)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

# bisect
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 100))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 5, lo=1, hi=3))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
print(recs)


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
