# A small "record store": binary records packed with struct, checksummed with
# hashlib, shipped as base64 text, logged with warnings, reported with pprint.
import base64
import hashlib
import io
import pprint
import struct
import traceback
import warnings

RECORD = struct.Struct('<I16sdH?')

people = [
    (1, b'ada', 36.5, 1815, True),
    (2, b'grace', 85.25, 1906, True),
    (3, b'alan', 41.0, 1912, False),
    (4, b'edsger', 72.125, 1930, True),
    (5, b'barbara', 0.5, 1939, False),
]


def encode(rows):
    buf = io.BytesIO()
    buf.write(struct.pack('<4sH', b'RECS', len(rows)))
    for row in rows:
        buf.write(RECORD.pack(*row))
    body = buf.getvalue()
    digest = hashlib.sha256(body).digest()
    return base64.b64encode(body + digest).decode('ascii')


def decode(text):
    raw = base64.b64decode(text, validate=True)
    body, digest = raw[:-32], raw[-32:]
    if hashlib.sha256(body).digest() != digest:
        raise ValueError('checksum mismatch')
    magic, count = struct.unpack_from('<4sH', body)
    if magic != b'RECS':
        raise ValueError('bad magic %r' % magic)
    rows = []
    for rec in RECORD.iter_unpack(body[6:]):
        ident, name, score, year, active = rec
        name = name.rstrip(b'\0').decode()
        if score < 1:
            warnings.warn('suspicious score for %s' % name, RuntimeWarning)
        rows.append({'id': ident, 'name': name, 'score': score, 'year': year,
                     'active': active})
    if len(rows) != count:
        raise ValueError('expected %d records, got %d' % (count, len(rows)))
    return rows


text = encode(people)
print(len(text), text[:40], hashlib.md5(text.encode()).hexdigest())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    rows = decode(text)
print([str(w.message) for w in caught])
pprint.pprint(rows, width=70)
report = io.StringIO()
for r in sorted(rows, key=lambda r: -r['score']):
    report.write('%-8s %7.3f %d\n' % (r['name'], r['score'], r['year']))
print(report.getvalue(), end='')

# Corruptions: each is caught and described in one line.
bad = [
    text[:-4],
    text[:10] + '!' + text[11:],
    base64.b64encode(b'XXXX' + base64.b64decode(text)[4:]).decode(),
]
for t in bad:
    try:
        decode(t)
    except Exception as e:
        print(traceback.format_exception_only(e)[-1], end='')
tampered = bytearray(base64.b64decode(text))
struct.pack_into('<d', tampered, 6 + 4 + 16, 99.0)
try:
    decode(base64.b64encode(bytes(tampered)))
except ValueError as e:
    print('tampered:', e)
print(base64.b32encode(hashlib.sha1(text.encode()).digest()).decode())
print(pprint.pformat({'sizes': {'record': RECORD.size, 'header': struct.calcsize('<4sH')},
                      'digests': [hashlib.new(n, b'x').hexdigest()[:12] for n in ('md5', 'sha1', 'sha256')]}))
