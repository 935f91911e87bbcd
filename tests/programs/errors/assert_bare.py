# A failing assert without a message, uncaught at module level.
values = [3, 1, 2]
print(sorted(values))
assert sorted(values) == values
