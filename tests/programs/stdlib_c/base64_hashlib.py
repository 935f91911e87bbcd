import base64, binascii, hashlib
for d in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(250, 256))]:
    print(base64.b64encode(d), base64.b32encode(d), base64.b16encode(d), base64.urlsafe_b64encode(d), base64.b32hexencode(d))
    assert base64.b64decode(base64.b64encode(d)) == d
    assert base64.b32decode(base64.b32encode(d)) == d
    assert base64.b16decode(base64.b16encode(d)) == d
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(d)) == d
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('-_8=', altchars='-_'))
print(base64.b64decode(b'Zm9v\nYmFy'), base64.b64decode('Zm9vYg=='), base64.standard_b64decode(b'YQ=='))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(base64.b32decode(b'mzxw6===', casefold=True), base64.b16decode(b'ff', casefold=True))
for t in [lambda: base64.b64decode('Zm9vY'), lambda: base64.b64decode('Zm9vYg'), lambda: base64.b64decode('Zm9v!Yg==', validate=True),
          lambda: base64.b64decode('Zm9vYg==', validate=True), lambda: base64.b64decode('=Zm9v', validate=True), lambda: base64.b64decode('Zm9vYg==Zg', validate=True),
          lambda: base64.b64encode('abc'), lambda: base64.b64decode(3), lambda: base64.b64decode('é'),
          lambda: base64.b32decode('MZXW6==='), lambda: base64.b32decode('MZXW6'), lambda: base64.b32decode('MZXW6!!!'), lambda: base64.b16decode('fg'),
          lambda: base64.b16decode('F'), lambda: binascii.unhexlify(b'zz'), lambda: binascii.hexlify(b'\x01\xff'), lambda: binascii.crc32(b'hello'),
          lambda: binascii.crc32(b'world', binascii.crc32(b'hello ')), lambda: binascii.b2a_base64(b'hi'), lambda: binascii.Error.__mro__,
          lambda: base64.b64decode('Zm9vYmFyY'), lambda: binascii.a2b_base64('YQ=a'), lambda: base64.b64decode('YQ=a', validate=True)]:
    try: print(repr(t()))
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(name, b'hello')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h2 = h.copy(); h2.update(b' world'); print(h.hexdigest() != h2.hexdigest(), h2.hexdigest() == getattr(hashlib, name)(b'hello world').hexdigest())
for n in [55, 56, 63, 64, 111, 112, 128, 1000]:
    d = bytes(i % 251 for i in range(n))
    print(n, hashlib.md5(d).hexdigest(), hashlib.sha1(d).hexdigest()[:16], hashlib.sha256(d).hexdigest()[:16], hashlib.sha512(d).hexdigest()[:16])
print(hashlib.sha256(bytearray(b'abc')).digest())
h = hashlib.md5(); h.update(b'a'); h.update(bytearray(b'b')); print(h.hexdigest(), hashlib.md5(b'ab').hexdigest())
for t in [lambda: hashlib.md5('x'), lambda: hashlib.sha1().update('x'), lambda: hashlib.new('foo'), lambda: hashlib.sha256(3), lambda: hashlib.new('SHA256', b'a').hexdigest()[:8]]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
print({'md5', 'sha1', 'sha256', 'sha512'} <= hashlib.algorithms_guaranteed)
