"""sha256 in hex, for names that must stay the same from release to release: the voice's cache
files and the history's plan hashes.

`hashlib` loads OpenSSL's hash layer, about 0.6 MB of a session's memory for two short digests.
CPython's own sha256 module gives the same digest and costs next to nothing; the standard
library's `random` does the same for sha512 ("hashlib is pretty heavy to load"). Its name
differs between releases (`_sha256` in 3.11, `_sha2` from 3.12), and `hashlib` stands in for it
where neither is there.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def _sha256() -> Callable[[bytes], Any]:
    for name in ("_sha2", "_sha256"):
        try:
            found: Callable[[bytes], Any] = import_module(name).sha256
        except (ImportError, AttributeError):
            continue
        return found
    from hashlib import sha256

    return sha256


_SHA256 = _sha256()


def sha256_hex(data: bytes) -> str:
    """The sha256 digest of `data` in lowercase hex, as `hashlib.sha256(data).hexdigest()`."""
    digest: str = _SHA256(data).hexdigest()
    return digest
