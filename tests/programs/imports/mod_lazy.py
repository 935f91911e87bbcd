plain = "plain"
calls = []


def __getattr__(name):
    calls.append(name)
    if name == "lazy_value":
        return 42
    if name == "boom":
        return 1 / 0
    if name.startswith("any"):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
