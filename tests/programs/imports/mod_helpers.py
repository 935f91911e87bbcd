"""Helper module imported by the imports tests."""
print("mod_helpers is being imported, __name__ =", __name__)

PI = 3.14159
counter = 0
_private = "hidden from star import"

def area(r):
    return PI * r * r

def bump():
    global counter
    counter += 1
    return counter

class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"Hello, {self.name}!"

if __name__ == "__main__":
    print("this never runs on import")
