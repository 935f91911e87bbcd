# User-defined exceptions with extra attributes and hierarchies.
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
class NotFound(AppError, LookupError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f"not found: {self.key!r}"
def validate(user):
    if "name" not in user:
        raise NotFound("name")
    if len(user["name"]) < 3:
        raise ValidationError("name", "too short")
    return "ok"
for u in [{"name": "alice"}, {"name": "al"}, {}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("validation", e.field, e.message, str(e), e.args)
    except AppError as e:
        print("app error", type(e).__name__, e, isinstance(e, LookupError), e.args)
try:
    raise NotFound(7)
except LookupError as e:
    print("caught as LookupError:", e, repr(e.key))
print([c.__name__ for c in NotFound.__mro__])
class CodeError(Exception):
    def __init__(self, code, *rest):
        super().__init__(code, *rest)
        self.code = code
e = CodeError(404, "missing")
print(e, repr(e), e.code, e.args)
print(str(ValidationError("f", "m")), repr(AppError("x")), repr(AppError()))
class Quiet(Exception):
    def __repr__(self):
        return "Quiet!"
print(repr(Quiet()), str(Quiet("q")))
try:
    try:
        raise ValidationError("age", "negative")
    except AppError as inner:
        raise RuntimeError("wrapping") from inner
except RuntimeError as outer:
    print(outer, "<-", type(outer.__cause__).__name__, outer.__cause__.field)
print(issubclass(ValidationError, Exception), issubclass(NotFound, (KeyError, AppError)))
