__all__ = ["public_a", "public_b"]
public_a = "A"
public_b = "B"
not_exported = "C"
