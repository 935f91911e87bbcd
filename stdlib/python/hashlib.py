"""Secure hashes: md5, sha1, sha224, sha256, sha384, sha512 (computed by `_hashlib`).

A hash object keeps the bytes fed to it and hashes them when asked for a digest.
"""

import _hashlib

algorithms_guaranteed = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}
algorithms_available = set(algorithms_guaranteed)

__all__ = ("new", "algorithms_guaranteed", "algorithms_available",
           "md5", "sha1", "sha224", "sha256", "sha384", "sha512")

_SIZES = {
    "md5": (16, 64), "sha1": (20, 64), "sha224": (28, 64), "sha256": (32, 64),
    "sha384": (48, 128), "sha512": (64, 128),
}


def _check(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if not isinstance(data, (bytes, bytearray)):
        try:
            return bytes(memoryview(data))
        except Exception:
            raise TypeError("object supporting the buffer API required") from None
    return data


class _Hash:
    def __init__(self, name, data=b""):
        self.name = name
        self.digest_size, self.block_size = _SIZES[name]
        self._data = bytearray()
        if data:
            self.update(data)

    def update(self, data):
        self._data += _check(data)

    def digest(self):
        return _hashlib.digest(self.name, self._data)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        h = _Hash(self.name)
        h._data = bytearray(self._data)
        return h

    def __repr__(self):
        return "<%s _hashlib.HASH object @ 0x%x>" % (self.name, id(self))


def _maker(name):
    def make(string=b"", *, usedforsecurity=True, data=None):
        if data is not None:
            string = data
        if isinstance(string, str):
            raise TypeError("Strings must be encoded before hashing")
        return _Hash(name, string)
    make.__name__ = make.__qualname__ = "openssl_" + name
    return make


md5 = _maker("md5")
sha1 = _maker("sha1")
sha224 = _maker("sha224")
sha256 = _maker("sha256")
sha384 = _maker("sha384")
sha512 = _maker("sha512")


def new(name, data=b"", **kwargs):
    if not isinstance(name, str):
        raise TypeError("new() argument 'name' must be str, not %s" % type(name).__name__)
    key = name.lower().replace("-", "")
    if key not in _SIZES:
        raise ValueError("unsupported hash type " + name)
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    return _Hash(key, data)
