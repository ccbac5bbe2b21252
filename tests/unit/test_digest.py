"""coach.digest: sha256 without OpenSSL's hash layer (issue #10, a session's peak memory). The
names it makes (voice cache files, plan hashes in the history) must stay what hashlib made."""

from __future__ import annotations

import hashlib

from fresh_python import run_and_list
from hypothesis import given
from hypothesis import strategies as st

from coach.digest import sha256_hex


@given(st.binary(max_size=4096))
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_a_known_digest() -> None:
    assert sha256_hex(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_the_voice_and_the_recorder_do_not_load_openssls_hashes() -> None:
    _, loaded = run_and_list("import coach.audio.voice, coach.history.recorder")
    lean = {"_sha256", "_sha2"} & set(loaded)
    assert lean, "CPython's own sha256 module is there to use"
    assert "_hashlib" not in loaded
