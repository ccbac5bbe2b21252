"""coach opens no network connection, so its screens leave the TLS library out.

asyncio, which Textual runs on, imports `ssl` at start only so that it can offer TLS
connections later. Loading `ssl` maps and sets up OpenSSL: about 4 MB of a session's resident
memory, more than everything coach itself adds to Textual (benchmarks/bench_memory.py).
Marked as missing, `ssl` is what it is in a Python built without it, a case asyncio and the
rest of the standard library already handle: they simply offer no TLS.
"""

from __future__ import annotations

import sys


def leave_out_tls() -> bool:
    """Keep `ssl` from loading in this process; True when it was left out, False when
    something had loaded it already (then nothing changes).

    Call it before Textual (and so asyncio) is first imported. Any later `import ssl` in the
    process raises ImportError, as on a Python without TLS.
    """
    if "ssl" in sys.modules:
        return False
    sys.modules["ssl"] = None  # type: ignore[assignment]
    return True
