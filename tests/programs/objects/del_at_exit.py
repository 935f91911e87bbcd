import gc


class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


def work():
    r = Resource("local")
    return r.name


name = work()
gc.collect()
print(name)
first = Resource("first")
second = Resource("second")
temp = Resource("temp")
temp = None
gc.collect()
print("end of program")
