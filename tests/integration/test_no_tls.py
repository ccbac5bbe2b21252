"""coach's screens leave OpenSSL out (coach.tls, issue #10: a session's peak memory): asyncio
imports `ssl` only to offer TLS, which coach never uses, and loading it costs about 4 MB."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest
from fresh_python import run_and_list

ROUTINE = """\
name: Long rep
prepare: 2s
steps:
  - {exercise: calf-raise, reps: 20, tempo: {up: 30s, hold: 1s, down: 30s}}
"""


def test_textual_and_asyncio_run_without_ssl() -> None:
    code = (
        "from coach.tls import leave_out_tls\n"
        "print(leave_out_tls())\n"
        "import asyncio\n"
        "import textual.app\n"
        "print(asyncio.run(asyncio.sleep(0, 'slept')))\n"
        "print(sys.modules['ssl'])\n"
    )
    printed, loaded = run_and_list(code)
    assert printed.split() == ["True", "slept", "None"]
    assert "_ssl" not in loaded and "textual.app" in loaded


def test_an_ssl_already_loaded_is_left_alone() -> None:
    code = (
        "import ssl\n"
        "from coach.tls import leave_out_tls\n"
        "left_out = leave_out_tls()\n"
        "print(left_out, sys.modules['ssl'] is ssl, ssl.create_default_context() is not None)\n"
    )
    printed, _ = run_and_list(code)
    assert printed.split() == ["False", "True", "True"]


def _mapped_files(pid: int) -> set[str]:
    lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    return {Path(line.split()[-1]).name for line in lines if len(line.split()) == 6}


@pytest.mark.parametrize("home", [False, True], ids=["coach run", "coach"])
def test_the_screens_of_a_real_process_map_no_tls_library(tmp_path: Path, home: bool) -> None:
    """`coach run` while its session plays, and `coach` once home shows, in a real terminal:
    neither OpenSSL nor Python's `_ssl` is mapped into the process."""
    routine = tmp_path / "long.yaml"
    routine.write_text(ROUTINE)
    env = {
        **os.environ,
        **{f"COACH_{kind}_DIR": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "CACHE")},
        "COACH_AUDIO": "silent",
        "TERM": "xterm-256color",
    }
    argv = [sys.executable, "-m", "coach", *([] if home else ["run", str(routine)])]
    shown = "Stats" if home else "Rep 1/20"  # home's footer; the session's rep
    pid, fd = pty.fork()
    if pid == 0:  # the child: coach in a terminal of its own
        os.execve(sys.executable, argv, env)
    output = b""
    try:
        deadline = time.monotonic() + 20.0
        while shown.encode() not in output and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.05)[0]:
                output += os.read(fd, 65536)
        assert shown.encode() in output, output[-400:]
        mapped = _mapped_files(pid)
        assert "python" in " ".join(mapped)  # the maps are read, and are the interpreter's
        tls = sorted(name for name in mapped if "ssl" in name or "crypto" in name)
        assert tls == []
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
