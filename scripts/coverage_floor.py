"""Fail when line coverage of the core packages drops under the floor.

Reads the `.coverage` data that `pytest --cov=coach` wrote. The core is what must stay exact and
safe without a person watching: the routine format, the session engine, history and cramps.
"""

from __future__ import annotations

import sys

import coverage

FLOOR = 85.0
CORE = ("coach/routine/", "coach/session/", "coach/history/", "coach/cramps/")


def main() -> int:
    data = coverage.Coverage()
    data.load()
    covered = total = 0
    for filename in data.get_data().measured_files():
        relative = filename.replace("\\", "/")
        if not any(part in relative for part in CORE):
            continue
        _, statements, _, missing, _ = data.analysis2(filename)
        total += len(statements)
        covered += len(statements) - len(missing)
    if total == 0:
        print("coverage floor: no core files were measured; run pytest --cov=coach first")
        return 1
    percent = 100.0 * covered / total
    if percent < FLOOR:
        print(f"coverage floor: core coverage is {percent:.1f}%, under the {FLOOR:.0f}% floor;")
        print("add tests for the lines `pytest --cov=coach --cov-report=term-missing` lists.")
        return 1
    print(f"coverage floor: core coverage {percent:.1f}% (floor {FLOOR:.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
