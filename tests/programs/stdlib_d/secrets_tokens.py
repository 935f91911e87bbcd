import secrets
import string

# Values are random; print only what does not depend on them.
tok = secrets.token_hex(16)
print(len(tok), all(c in string.hexdigits for c in tok))
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), type(secrets.token_bytes(1)).__name__)
u = secrets.token_urlsafe(16)
print(len(u), all(c in string.ascii_letters + string.digits + "-_" for c in u))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(200)))
print(secrets.randbelow(1), secrets.randbits(0), 0 <= secrets.randbits(8) < 256)
alphabet = string.ascii_letters + string.digits
password = "".join(secrets.choice(alphabet) for _ in range(12))
print(len(password), set(password) <= set(alphabet))
try:
    secrets.randbelow(0)
except ValueError as e:
    print("ValueError:", e)
try:
    secrets.choice([])
except IndexError as e:
    print("IndexError:", e)
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"abc", b"abd"),
      secrets.compare_digest(b"ab", b"abc"), secrets.compare_digest(bytearray(b"x"), b"x"))
for a, b in [("a", b"a"), (b"a", "a"), ("é", "é"), (1, 1), ("a", 1), (b"a", 1)]:
    try:
        secrets.compare_digest(a, b)
    except TypeError as e:
        print("TypeError:", e)
r = secrets.SystemRandom()
x = list(range(10))
r.shuffle(x)
print(sorted(x) == list(range(10)), 0.0 <= r.random() < 1.0, 1 <= r.randint(1, 6) <= 6)
print(len(r.sample(range(100), 5)), 2 <= r.uniform(2, 3) <= 3, r.seed(5))
try:
    r.getstate()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(secrets.DEFAULT_ENTROPY, sorted(secrets.__all__))
