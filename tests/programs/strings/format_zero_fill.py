# The 0 flag with an explicit alignment, type repr and type() module, type.__prepare__.
print(repr(f'{12:>08b}|{5:<05d}|{-3:>05}|{"ab":>05}|{"ab":05}|{3:=+06}|{-3:x<05}|{3.5:^08}|{True:05}|{1.5:<08}|{2:^05x}'))
print("%05d|%-05d|%05.1f" % (3, 3, 2.5), format(7, "08"), format("s", "<03"))
def f(): pass
print(type(f), type(f).__module__, type(len).__module__)
X = type("X", (), {}); print(X, X.__module__)
print(type.__prepare__("X", ()), type.__prepare__("X", (), a=1))
