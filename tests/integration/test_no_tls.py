"""coach's screens load Textual with OpenSSL left out (coach.tls, issue #10: a session's peak
memory): asyncio imports `ssl` only to offer TLS, which coach never uses, and loading it costs
about 4 MB. What truly needs `ssl` later (fpdf2, for a PDF) still gets it."""

from __future__ import annotations

import contextlib
import os
import pty
import re
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


def test_textual_loads_without_ssl_and_ssl_imports_again_afterwards() -> None:
    code = (
        "from coach.tls import tls_left_out\n"
        "with tls_left_out() as left_out:\n"
        "    import coach.tui.app\n"
        "import asyncio\n"
        "print(left_out, '_ssl' in sys.modules)\n"
        "print(asyncio.run(asyncio.sleep(0, 'slept')))\n"
        "from urllib.request import HTTPSHandler\n"
        "import ssl\n"
        "print(ssl.create_default_context() is not None)\n"
    )
    printed, loaded = run_and_list(code)
    assert printed.split() == ["True", "False", "slept", "True"]
    assert "textual.app" in loaded


def test_an_ssl_already_loaded_is_left_alone() -> None:
    code = (
        "import ssl\n"
        "from coach.tls import tls_left_out\n"
        "with tls_left_out() as left_out:\n"
        "    print(left_out, sys.modules['ssl'] is ssl)\n"
        "print(sys.modules['ssl'] is ssl)\n"
    )
    printed, _ = run_and_list(code)
    assert printed.split() == ["False", "True", "True"]


def test_a_pdf_handout_is_made_after_textual_loaded_without_ssl(tmp_path: Path) -> None:
    """The review of the first version, which kept `ssl` out for the whole process: fpdf2
    could not load, and the preview's handout and the stats' report failed in PDF, the format
    offered first."""
    code = (
        "from coach.tls import tls_left_out\n"
        "with tls_left_out():\n"
        "    import coach.tui.app\n"
        "from coach.report.handout import handout\n"
        "from coach.routine.catalog import Catalog\n"
        "from coach.tui.documents import save_document\n"
        "routine = Catalog.default().find('foot-quick').routine\n"
        "print(save_document(lambda: handout(routine), 'pdf', 'coach-foot-quick', 'handout'))\n"
    )
    env = {**os.environ, "COACH_DOCUMENTS_DIR": str(tmp_path)}
    printed, _ = run_and_list(code, env)
    assert printed.strip().endswith(", True)"), printed
    assert (tmp_path / "coach-foot-quick.pdf").read_bytes().startswith(b"%PDF-")


def _shown(output: bytes) -> str:
    """The terminal's text, escape sequences taken out and spaces closed up."""
    plain = re.sub(rb"\x1b\[[0-9;?<>=$]*[a-zA-Z~]|\x1b[()][AB0]|\x1b[=>]", b"", output)
    return " ".join(plain.decode("utf-8", "replace").split())


def _mapped_files(pid: int) -> set[str]:
    lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    return {Path(line.split()[-1]).name for line in lines if len(line.split()) == 6}


@pytest.mark.parametrize("home", [False, True], ids=["coach run", "coach"])
def test_the_screens_of_a_real_process_map_no_tls_library(tmp_path: Path, home: bool) -> None:
    """`coach run` while its session plays, and `coach` once home has listed the routines, in
    a real terminal: neither Python's `_ssl` nor OpenSSL's libssl is mapped. (libcrypto alone
    would be hashlib's, which coach does not load either: coach.digest.) Home then saves a
    routine's handout as a PDF, which needs `ssl` to import again."""
    routine = tmp_path / "long.yaml"
    routine.write_text(ROUTINE)
    # Two routines of the person's own, listed first on home, each known by its description.
    mine = tmp_path / "CONFIG" / "routines"
    mine.mkdir(parents=True)
    for name in ("first", "second"):
        (mine / f"a-{name}.yaml").write_text(
            ROUTINE.replace("name: Long rep", f"name: {name}\ndescription: The {name} of mine.")
        )
    documents = tmp_path / "documents"
    env = {
        **os.environ,
        **{f"COACH_{kind}_DIR": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "CACHE")},
        "COACH_DOCUMENTS_DIR": str(documents),
        "COACH_AUDIO": "silent",
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
    }
    argv = [sys.executable, "-m", "coach", *([] if home else ["run", str(routine)])]
    pid, fd = pty.fork()
    if pid == 0:  # the child: coach in a terminal of its own
        try:
            os.execve(sys.executable, argv, env)
        finally:
            os._exit(127)
    output = bytearray()

    def shows(words: str) -> bool:
        """Whether `words` come on screen within 20 s, reading as the app writes."""
        output.clear()
        deadline = time.monotonic() + 20.0
        while words not in _shown(bytes(output)) and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    output.extend(os.read(fd, 65536))
                except OSError:  # the terminal closed: the app ended
                    break
        return words in _shown(bytes(output))

    try:
        # A routine home's worker lists; the session's first rep.
        assert shows("Quick feet" if home else "Rep 1/20"), _shown(bytes(output))[-400:]
        mapped = _mapped_files(pid)
        assert any(name.startswith("python") for name in mapped)  # the interpreter's maps
        assert sorted(name for name in mapped if "ssl" in name) == []
        if home:
            os.write(fd, b"\x1b[B")  # Down: into the list, onto its second routine
            assert shows("The second of mine."), _shown(bytes(output))[-400:]
            os.write(fd, b"\x1b[A")  # Up: onto the first, the list keeping the focus
            assert shows("The first of mine."), _shown(bytes(output))[-400:]
            os.write(fd, b"\r")  # its preview
            assert shows("Print"), _shown(bytes(output))[-400:]
            os.write(fd, b"p")  # the handout, and which format
            assert shows("Esc saves nothing"), _shown(bytes(output))[-400:]
            os.write(fd, b"p")  # PDF
            assert shows("Handout saved as"), _shown(bytes(output))[-400:]
            assert (documents / "coach-a-first.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with contextlib.suppress(OSError):
            os.close(fd)
