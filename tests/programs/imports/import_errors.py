# ImportError / ModuleNotFoundError handling, circular imports, module failing at import.
try:
    import does_not_exist_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from mod_helpers import no_such_name
except ImportError as e:
    print("ImportError:", type(e).__name__, e.name, str(e).split(" (")[0])
import mod_circular_a
print(mod_circular_a.get_b(), mod_circular_a.mod_circular_b.get_a())
try:
    import mod_raises
except ValueError as e:
    print("ValueError during import:", e)
try:
    import mod_raises
except ValueError as e:
    print("imported again, raised again:", e)
