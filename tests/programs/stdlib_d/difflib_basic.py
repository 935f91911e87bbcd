import difflib
from difflib import SequenceMatcher, get_close_matches, unified_diff, context_diff, ndiff

s = SequenceMatcher(None, "abcd", "bcde")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print(s.get_matching_blocks())
print(s.get_opcodes())
s = SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                    "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print("{:7}   a[{}:{}] --> b[{}:{}] {!r:>8} --> {!r}".format(
        tag, i1, i2, j1, j2, s.a[i1:i2], s.b[j1:j2]))
print(list(s.get_grouped_opcodes(1)))

print(get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(get_close_matches("wheel", ["while", "wheat", "whale", "heel", "shell"], n=2, cutoff=0.5))
import keyword
print(get_close_matches("pritn", ["print", "sprint", "pint", "prints"]), get_close_matches("xyz", ["abc"]))

a = ["one\n", "two\n", "three\n", "four\n", "five\n"]
b = ["zero\n", "one\n", "tree\n", "four\n", "five\n", "six\n"]
print("".join(unified_diff(a, b, fromfile="before.py", tofile="after.py")))
print("".join(unified_diff(a, b, n=0, lineterm="\n")))
print("".join(context_diff(a, b, fromfile="before.py", tofile="after.py")))
d = list(ndiff(a, b))
print("".join(d))
print("".join(difflib.restore(d, 1)), "".join(difflib.restore(d, 2)))
diff = difflib.Differ()
print("\n".join(diff.compare(["abcDefghiJkl\n"], ["abcdefGhijkl\n"])))
print(difflib.IS_LINE_JUNK("  # \n"), difflib.IS_CHARACTER_JUNK(" "), difflib.IS_CHARACTER_JUNK("x"))
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\n"], [b"b\n"], b"x", b"y")))
html = difflib.HtmlDiff(wrapcolumn=20).make_table(["hello world\n", "same\n"], ["hello there world\n", "same\n"])
print(len(html.splitlines()), html.count("<td"), "diff_chg" in html)
print(difflib.Match(a=1, b=2, size=3), SequenceMatcher(None, [1, 2, 3], [1, 3]).ratio())
