"""Peak memory of a session: the real `coach run` playing a routine to its end in a
pseudo-terminal, next to a bare Textual app and `termdown` run the same way in the same run.

Peak memory is the kernel's high-water mark of the process's resident set (VmHWM in
/proc/PID/status), read just before the process is stopped. coach plays with its sound on,
through ALSA's `file` plugin into the `null` device (no sound card is needed), and with spoken
cues when espeak-ng is installed. The session is measured to its very end: until its Finished
screen (with the check-in) has shown for a few seconds, so what that screen loads counts too.

coach's screens load Textual with OpenSSL left out (`coach.tls`); the bare app is measured as
it is, and once more with `ssl` left out the same way, so coach can be set against each.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from terminal import BARE_APP, Terminal, sound_env

ROUTINE = """\
name: Memory bench
prepare: 2s
steps:
  - {name: Hold, duration: 6s, sides: both, switch: 2s}
  - {name: Raise, reps: 3, tempo: {up: 1s, hold: 1s, down: 1s}}
"""
#: The routine above lasts about 27 s; the Finished screen must show within this (a busy
#: machine can be slow to start it).
SECONDS = 60.0
#: How long the Finished screen is watched after it shows (its streak is read in a worker).
AFTER_END_S = 3.0
ASOUNDRC = """\
pcm.!default {
  type file
  slave.pcm "null"
  file "/dev/null"
  format "raw"
}
"""


def peak_mb(argv: list[str], env: dict[str, str], seconds: float, until: str = "") -> float:
    """The process's peak resident memory after `seconds` (or at its end), in MB; with `until`,
    `AFTER_END_S` after that text shows instead (TimeoutError if it never does)."""
    terminal = Terminal(argv, env, columns=100, rows=30)
    peak = 0
    try:
        deadline = terminal.started + seconds
        if until:
            terminal.wait_for(until, timeout=seconds)
            deadline = time.perf_counter() + AFTER_END_S
        while time.perf_counter() < deadline:
            if not terminal.read(0.2):
                break
            try:
                status = Path(f"/proc/{terminal.pid}/status").read_text()
            except OSError:
                break
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    finally:
        terminal.close()
    return peak / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = sound_env(folder, ASOUNDRC)
        routine = folder / "memory.yaml"
        routine.write_text(ROUTINE)
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP)
        bare_no_tls = folder / "bare_app_no_tls.py"
        bare_no_tls.write_text(
            "import sys\nsys.modules['ssl'] = None\nimport textual.app, textual.widgets\n"
            f"del sys.modules['ssl']\n{BARE_APP}"
        )
        voice = " and voice" if shutil.which("espeak-ng") else ""
        rows = [
            ("bare Textual app (reference)", peak_mb([sys.executable, str(bare)], env, 5.0)),
            (
                "bare Textual app, `ssl` left out as coach leaves it (reference)",
                peak_mb([sys.executable, str(bare_no_tls)], env, 5.0),
            ),
            (
                f"`coach run`, a whole session with sound{voice}, to its Finished screen",
                peak_mb(
                    [sys.executable, "-m", "coach", "run", str(routine)],
                    env,
                    SECONDS,
                    until="Well done!",
                ),
            ),
        ]
        termdown = shutil.which("termdown") or str(Path(sys.executable).with_name("termdown"))
        if Path(termdown).exists():
            rows.append(("`termdown 10` (reference)", peak_mb([termdown, "10"], env, 12.0)))
    print("| process, 100x30 pseudo-terminal | peak memory (VmHWM) |")
    print("|---|---:|")
    for name, mb in rows:
        print(f"| {name} | {mb:.1f} MB |")


if __name__ == "__main__":
    main()
