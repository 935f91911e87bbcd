"""The io module: `open` and the file classes (from `_io`), plus the in-memory
streams `StringIO` and `BytesIO` (from `_stringio`)."""

from _io import (open, TextIOWrapper, BufferedReader, BufferedWriter,
                 BufferedRandom, UnsupportedOperation)
from _stringio import StringIO, BytesIO

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

__all__ = ["open", "StringIO", "BytesIO", "TextIOWrapper", "BufferedReader",
           "BufferedWriter", "BufferedRandom", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE"]
