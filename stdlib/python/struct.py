"""Packing values into bytes and back (the work is done by `_struct`, in Rust)."""

from _struct import pack, unpack, unpack_from, pack_into, calcsize, error, _iter_unpack

__all__ = [
    "calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack",
    "Struct", "error",
]


def iter_unpack(format, buffer):
    return iter(_iter_unpack(format, buffer))


class Struct:
    """A compiled format: `Struct(fmt).pack(...)` is `pack(fmt, ...)`."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("latin-1")
        self.size = calcsize(format)
        self.format = format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter(_iter_unpack(self.format, buffer))

    def __repr__(self):
        return "<_struct.Struct object at 0x%x>" % id(self)
