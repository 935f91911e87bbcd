"""lzma: refused. revpy has no LZMA/XZ codec: importing this module raises
ImportError, as CPython does when it was built without it (`except ImportError`
fallbacks, as in shutil and tarfile-like code, then work)."""

raise ImportError("revpy does not provide the lzma module (no LZMA/XZ codec); "
                  "zlib and gzip are available", name='lzma')
