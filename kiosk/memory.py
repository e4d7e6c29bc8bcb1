"""Giving memory the kiosk has freed back to the system.

glibc keeps freed heap pages for later use; after screens are built and dropped all day, a kiosk that never
hands them back looks as if it grows. `malloc_trim` returns them (a few milliseconds for a large heap).
"""

import ctypes
import ctypes.util
from functools import cache


@cache
def _malloc_trim():
    name = ctypes.util.find_library("c")
    library = ctypes.CDLL(name) if name else None
    return getattr(library, "malloc_trim", None)  # glibc only; elsewhere there is nothing to do


def release_free_memory() -> None:
    """Return freed heap memory to the system, where the C library allows it."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
