import glob

D = "support_glob"


def show(xs):
    # Directory order is the file system's: sort before printing.
    print(sorted(xs))


for pat, kw in [("*.txt", {}), ("*", {}), ("*", {"include_hidden": True}),
                ("**/*.txt", {"recursive": True}), ("**", {"recursive": True}),
                ("**/", {"recursive": True}), ("*/", {}), ("sub/*", {}), ("*/*.py", {}),
                ("?.p?", {}), ("[ab].*", {}), ("nothing*", {}), ("a.txt", {}),
                ("missing.txt", {}), (glob.escape("we[ird].txt"), {}), ("we[[]ird].txt", {}),
                ("sub/**/*.txt", {"recursive": True}), ("**/*.txt", {})]:
    show(glob.glob(pat, root_dir=D, **kw))
show(glob.glob(D + "/*.py"))
show(glob.glob(D + "/**/*.py", recursive=True))
show(glob.iglob(D + "/*/"))
show(glob.glob("*.txt", root_dir=D + "/sub"))
print(glob.escape("a*b?c[d].txt"), glob.has_magic("a*"), glob.has_magic("abc"))
