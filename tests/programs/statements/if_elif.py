# if/elif/else chains and truthiness.
def classify(v):
    if v is None:
        return "none"
    elif isinstance(v, bool):
        return "bool"
    elif isinstance(v, int) and v < 0:
        return "negative int"
    elif isinstance(v, int):
        return "int"
    elif isinstance(v, str):
        if v:
            return "string"
        else:
            return "empty string"
    elif not v:
        return "falsy"
    else:
        return "other"
for v in [None, True, -3, 4, "s", "", [], [1], 0.0]:
    print(repr(v), classify(v))
x = 15
if x > 10: print("one-line if")
if x < 10: print("no")
elif x < 20: print("one-line elif")
else: print("no")
if []:
    print("empty list is true?")
if [0]:
    print("non-empty list is true")
if 0.0 or 0j or "" or () or {}:
    print("no")
else:
    print("all falsy")
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10, 90, 80)])
