"""Topic and keyword texts for `help()` (CPython 3.11's, from its documentation)."""
