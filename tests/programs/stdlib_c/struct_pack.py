import struct
print(struct.pack('<hHiIqQ', -2, 65535, -7, 4000000000, -1, 2**64-1))
print(struct.pack('>bB?c', -1, 200, True, b'z'))
print(struct.pack('@bi', 1, 2), struct.calcsize('@bi'), struct.calcsize('=bi'), struct.calcsize('@bxq'), struct.calcsize('3s2pi'))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -7, 4000000000, -1, 2**64-1)))
print(struct.pack('<efd', 1.5, 3.25, -0.1), struct.unpack('<efd', struct.pack('<efd', 1.5, 3.25, -0.1)))
for x in [65504.0, 1e-7, 0.333333, 6.1e-5, -2.0, float('inf'), 1e-8, 5.96e-8, 2.98e-8]:
    print(x, struct.pack('<e', x), struct.unpack('<e', struct.pack('<e', x)))
print(struct.pack('5s', b'ab'), struct.pack('3s', b'abcdef'), struct.pack('4p', b'abcdef'), struct.unpack('4p', b'\x03abc'))
print(struct.pack('!I', 0x01020304), struct.pack('nNP', -1, 2, 3))
s = struct.Struct('<2H')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'))
print(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00\x03\x00')))
ba = bytearray(8)
struct.pack_into('<I', ba, 2, 0xdeadbeef); print(ba)
print(struct.unpack_from('<H', b'\x00\x01\x02\x03', 1), struct.unpack_from('<H', b'\x00\x01\x02\x03', offset=2))
tests = [
    lambda: struct.pack('<h', 40000), lambda: struct.pack('<H', -1), lambda: struct.pack('b', 200), lambda: struct.pack('B', 256),
    lambda: struct.pack('i', 2**31), lambda: struct.pack('I', -1), lambda: struct.pack('<i', 2**31), lambda: struct.pack('<I', 2**32),
    lambda: struct.pack('q', 2**63), lambda: struct.pack('<q', 2**63), lambda: struct.pack('Q', -1), lambda: struct.pack('<Q', 2**64),
    lambda: struct.pack('h', 40000), lambda: struct.pack('H', 70000), lambda: struct.pack('l', 2**63), lambda: struct.pack('<l', 2**31),
    lambda: struct.pack('<L', -1),
    lambda: struct.pack('i', 'x'), lambda: struct.pack('i', 1.0), lambda: struct.pack('f', 'x'), lambda: struct.pack('c', b'ab'),
    lambda: struct.pack('s', 'x'), lambda: struct.pack('ii', 1), lambda: struct.pack('y'), lambda: struct.pack('<n', 1),
    lambda: struct.unpack('<i', b'abc'), lambda: struct.calcsize(3), lambda: struct.pack('3'), lambda: struct.pack('<e', 1e6),
    lambda: struct.pack('<f', 1e300), lambda: struct.unpack_from('<I', b'abc', 1), lambda: list(struct.iter_unpack('<I', b'abcde')),
    lambda: struct.unpack('i', 'abcd'), lambda: struct.pack_into('<I', bytearray(5), 2, 1), lambda: struct.unpack_from('<I', b'abcdef', 10),
    lambda: struct.pack('?', []), lambda: struct.pack('<d', 10**400),
]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
print(struct.error.__name__, struct.error.__module__, [c.__name__ for c in struct.error.__mro__])
