print("loading mod_circular_b")
import mod_circular_a
value_b = "b"
def get_a():
    return mod_circular_a.value_a
