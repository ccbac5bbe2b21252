"""Start-up cost of `coach --version` and `coach --help`, next to `python -c pass` in the same run.

Each command runs as a fresh process, as a shell would start it; the median of many runs is
reported, so a busy moment on a shared machine does not decide the figure.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 30


def median_ms(argv: list[str], env: dict[str, str]) -> float:
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)  # warm the caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    # An installed coach has its bytecode cached; give the children a cache even where the
    # environment turns writing it off, so the figure is what a user's shell sees.
    cache = tempfile.mkdtemp(prefix="coach-bench-pycache-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    coach = [sys.executable, "-m", "coach"]
    rows = [
        ("python -c pass (reference)", median_ms([sys.executable, "-c", "pass"], env)),
        ("coach --version", median_ms([*coach, "--version"], env)),
        ("coach --help", median_ms([*coach, "--help"], env)),
        ("coach list", median_ms([*coach, "list"], env)),
    ]
    reference = rows[0][1]
    print(f"| command | median of {RUNS} runs | over `python -c pass` |")
    print("|---|---:|---:|")
    for name, ms in rows:
        print(f"| `{name}` | {ms:.0f} ms | +{ms - reference:.0f} ms |")


if __name__ == "__main__":
    main()
