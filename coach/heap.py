"""glibc's malloc under Python's objects, tuned for a session's peak memory.

Both functions do nothing, and say so, outside Linux or where the C library has no such call.
"""

from __future__ import annotations

import sys
from typing import Any

#: glibc's `mallopt` parameter for the most malloc arenas (M_ARENA_MAX in <malloc.h>).
_M_ARENA_MAX = -8


def _libc_call(name: str) -> Any | None:
    """The C library's function `name`, or None where there is none to call."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def one_malloc_arena() -> bool:
    """Have every thread allocate from the main malloc arena; True when glibc agreed.

    glibc gives each thread that allocates (Textual's reader and writer, the sound and voice
    workers, the thread that builds the sound) an arena of its own, and memory freed in one is
    not reused by another: the arenas' loose ends add up. One shared arena took 0.6 to 0.7 MB
    off a session's peak (benchmarks/bench_memory.py), with no change in the first cue's timing
    (bench_first_cue.py). It must run before any thread starts.
    """
    mallopt = _libc_call("mallopt")
    return mallopt is not None and bool(mallopt(_M_ARENA_MAX, 1))


def give_back_free_memory() -> bool:
    """Hand the free pages inside malloc's heap back to the system (glibc's `malloc_trim`);
    True when some were.

    Memory Python frees goes back to malloc, which keeps it for reuse; pages it keeps count in
    the process's resident memory until then. Called once a session's screen has let go of its
    widgets, before the next screen is built, it took about 0.4 MB off the session's peak
    (benchmarks/bench_memory.py). It takes a few milliseconds at most.
    """
    trim = _libc_call("malloc_trim")
    return trim is not None and bool(trim(0))
