"""coach's screens load Textual, and so asyncio, with the TLS library left out.

asyncio imports `ssl` at start only so that it can offer TLS connections later, which coach
never opens; loading `ssl` maps and sets up OpenSSL, about 4 MB of a session's resident memory
(benchmarks/bench_memory.py). Marked missing while Textual's modules import, `ssl` is to asyncio
what it is in a Python built without it, a case asyncio handles: it keeps the "no TLS" it saw.
Afterwards `ssl` imports again as usual, so what truly needs it still gets it: fpdf2, for a PDF,
imports urllib's HTTPS handler, which exists only where `ssl` loads.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def tls_left_out() -> Iterator[bool]:
    """While the block runs, `import ssl` fails as on a Python without TLS; the block is told
    True, or False when `ssl` was loaded already (then nothing changes).

    Wrap the first import of Textual in it: modules the block imports keep what they saw.
    """
    if "ssl" in sys.modules:
        yield False
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]
    try:
        yield True
    finally:
        if "ssl" in sys.modules and sys.modules["ssl"] is None:
            del sys.modules["ssl"]
