"""bz2: refused. revpy has no bzip2 codec: importing this module raises
ImportError, as CPython does when it was built without it (`except ImportError`
fallbacks, as in shutil and tarfile-like code, then work)."""

raise ImportError("revpy does not provide the bz2 module (no bzip2 codec); "
                  "zlib and gzip are available", name='bz2')
