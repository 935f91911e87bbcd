print("loading mod_circular_a")
import mod_circular_b
value_a = "a"
def get_b():
    return mod_circular_b.value_b
