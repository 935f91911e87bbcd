# A generator closed while suspended: its frame leaves by GeneratorExit (a
# stop point, shown with !!) inside the native close().
def gen():
    yield 1
g = gen()
next(g)
g.close()
print("closed")
