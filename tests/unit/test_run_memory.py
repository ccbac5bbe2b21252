"""Issue #10, a session's peak memory: `coach run` has its threads share one malloc arena and
freezes what it loaded before the session starts (coach.commands.session)."""

from __future__ import annotations

import gc
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

import coach.tui.app
from coach.commands import session

#: Threads that allocate, then a count of the reserved (not yet used) parts of glibc's
#: per-thread arenas: each is a heap of 64 MB that the thread's arena grows into.
THREADS_THEN_COUNT_ARENAS = """
import threading
kept = []
def work():
    kept.extend(bytes(10_000 + i) for i in range(50))
threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
reserved = 0
for line in open("/proc/self/maps"):
    fields = line.split()
    low, high = (int(x, 16) for x in fields[0].split("-"))
    if len(fields) == 5 and fields[1] == "---p" and high - low >= 16 << 20:
        reserved += 1
print(reserved)
"""


#: The environment without settings of glibc's malloc (MALLOC_ARENA_MAX and the like), which
#: would decide these tests' counts before coach does.
PLAIN_MALLOC = {
    k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_TUNABLES"))
}
GLIBC_ON_LINUX = platform.libc_ver()[0] == "glibc" and Path("/proc/self/maps").is_file()


def python_says(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=PLAIN_MALLOC,
    )
    return done.stdout


def thread_arenas(first: str) -> int:
    return int(python_says(f"{first}\n{THREADS_THEN_COUNT_ARENAS}").split()[-1])


@pytest.mark.skipif(not GLIBC_ON_LINUX, reason="glibc's malloc arenas, seen through /proc")
def test_threads_allocate_from_the_main_arena() -> None:
    applied = "from coach.heap import one_malloc_arena\nprint(one_malloc_arena())"
    assert thread_arenas(applied) == 0
    # Without it the same threads do get arenas of their own: the count above can fail.
    assert thread_arenas("pass") >= 1


#: Frees 20 MB of malloc's heap (blocks too small for their own mappings) behind a block still
#: in use, so malloc cannot shrink its heap by itself; then the resident memory that
#: `give_back_free_memory` gave back, in MB.
FREE_THEN_GIVE_BACK = """
import ctypes  # loaded now, so its own memory is not counted against the pages given back
import os
from coach.heap import give_back_free_memory
def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
freed = [bytearray(8_000) for _ in range(2_500)]
kept = bytearray(8_000)
del freed
before = resident()
print(give_back_free_memory(), round(before - resident()))
"""


@pytest.mark.skipif(not GLIBC_ON_LINUX, reason="glibc's malloc_trim, resident memory in /proc")
def test_free_heap_pages_go_back_to_the_system() -> None:
    gave_back, megabytes = python_says(FREE_THEN_GIVE_BACK).split()
    assert gave_back == "True"
    assert int(megabytes) >= 15


class _Stop(Exception):
    pass


def test_run_shares_the_arena_before_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before the routine is read: no thread may start before the arena limit is set."""
    calls: list[str] = []

    def one_malloc_arena() -> bool:
        calls.append("arena")
        return True

    def load_entry(catalog: object, ref: str) -> None:
        calls.append("load")
        raise _Stop

    monkeypatch.setattr("coach.heap.one_malloc_arena", one_malloc_arena)
    monkeypatch.setattr("coach.commands.routines.load_entry", load_entry)
    with pytest.raises(_Stop):
        session.play("foot-daily", plain=True)
    assert calls == ["arena", "load"]


class _App:
    return_code = 0

    def exit_status(self) -> int:
        return self.return_code

    def __init__(self) -> None:
        self.frozen_at_run = 0
        self.collector_on_at_run: bool | None = None

    def run(self) -> None:
        self.frozen_at_run = gc.get_freeze_count()
        self.collector_on_at_run = gc.isenabled()


def test_the_session_runs_with_what_it_loaded_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The routine, the modules and the app are left out of later collections, so the one at
    the session's end walks only what the session made; the collector itself stays on."""
    app = _App()
    monkeypatch.setattr("coach.heap.one_malloc_arena", lambda: True)
    monkeypatch.setattr(session, "_have_terminal", lambda: True)
    monkeypatch.setattr(coach.tui.app, "make_app", lambda **_: app)
    gc.unfreeze()  # what play freezes is counted from nothing (tests/conftest.py froze)
    try:
        assert session.play("foot-daily", plain=False) == 0
    finally:
        gc.unfreeze()
    assert app.collector_on_at_run is True
    assert app.frozen_at_run > 10_000
