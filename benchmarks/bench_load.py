"""Loading and validating 500 routine files, as `coach list` does with a large user folder."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from coach import locations
from coach.routine.catalog import Catalog

FILES = 500
ROUNDS = 5


def main() -> None:
    bundled = locations.bundled_dir("routines")
    sources = sorted(p for p in bundled.glob("*.yaml") if p.name != "exercises.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        user = Path(tmp) / "routines"
        user.mkdir()
        library_only = Path(tmp) / "library"
        library_only.mkdir()
        shutil.copy(bundled / "exercises.yaml", library_only)
        for i in range(FILES):
            shutil.copy(sources[i % len(sources)], user / f"routine-{i:03d}.yaml")
        times = []
        for _ in range(ROUNDS):
            catalog = Catalog(user_dir=user, bundled_dir=library_only)
            start = time.perf_counter()
            catalog.exercises  # noqa: B018 - the library load is part of the cost
            entries = [e.to_json() for e in catalog.entries()]
            times.append(time.perf_counter() - start)
            assert len(entries) == FILES and all(e["error"] is None for e in entries)
        tracemalloc.start()
        [e.to_json() for e in Catalog(user_dir=user, bundled_dir=library_only).entries()]
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    best, median = min(times), statistics.median(times)
    print("| what | figure |")
    print("|---|---:|")
    print(
        f"| load + validate + expand {FILES} files (median of {ROUNDS}) | {median * 1000:.0f} ms |"
    )
    print(f"| per file | {median / FILES * 1000:.2f} ms |")
    print(f"| best run | {best * 1000:.0f} ms |")
    print(f"| peak Python memory while loading | {peak / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
