import uuid

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.node, u.clock_seq, u.time)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u,
      uuid.UUID("urn:uuid:12345678123456781234567812345678") == u)
print(uuid.UUID(bytes=b"\x00" * 15 + b"\x01"), uuid.UUID(int=2**128 - 1), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)))
print(uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=5, version=4))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/x").version, uuid.NAMESPACE_X500)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1)]), u < uuid.UUID(int=2**127), hash(u) == hash(uuid.UUID(str(u))))
print(str(u).upper(), int(u) == u.int, uuid.SafeUUID.unknown, uuid.SafeUUID(0), u.is_safe)
for bad in ["xyz", "1234", "12345678-1234-5678-1234-56781234567g"]:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError:", e)
for kw in [{"bytes": b"short"}, {"int": -1}, {}]:
    try:
        uuid.UUID(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    u.foo = 1
except TypeError as e:
    print("TypeError:", e)

r = uuid.uuid4()  # random: print only its shape
print(len(str(r)), r.version, r.variant, str(r)[14])
t = uuid.uuid1()
print(t.version, t.variant, 0 <= t.node < 2**48, len(t.hex))
n = uuid.getnode()
print(n == uuid.getnode(), 0 <= n < 2**48)
print(uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc)
