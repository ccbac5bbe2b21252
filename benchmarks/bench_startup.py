"""Start-up cost of `coach --version` and `coach --help`, next to `python -c pass` in the same run.

Each command runs as a fresh process, as a shell would start it; the median of many runs is
reported, so a busy moment on a shared machine does not decide the figure.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 30


def median_ms(argv: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    rows = [
        ("python -c pass (reference)", median_ms([sys.executable, "-c", "pass"])),
        ("coach --version", median_ms([sys.executable, "-m", "coach", "--version"])),
        ("coach --help", median_ms([sys.executable, "-m", "coach", "--help"])),
        ("coach list", median_ms([sys.executable, "-m", "coach", "list"])),
    ]
    reference = rows[0][1]
    print(f"| command | median of {RUNS} runs | over `python -c pass` |")
    print("|---|---:|---:|")
    for name, ms in rows:
        print(f"| `{name}` | {ms:.0f} ms | +{ms - reference:.0f} ms |")


if __name__ == "__main__":
    main()
