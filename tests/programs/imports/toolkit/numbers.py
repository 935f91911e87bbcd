from toolkit.text import shout

def describe(n):
    return shout(f"the number {n}")
