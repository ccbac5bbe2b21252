"""Every test runs with its own config, data and cache folders, never the developer's."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Pilot waits until the app has nothing left to do, not in naps of 20 ms (pilot_wait.py)."""
    import pilot_wait

    pilot_wait.install()


@pytest.fixture(autouse=True)
def loaded_heap_frozen() -> None:
    """What is loaded before the tests (modules, the collected tests) is left out of the
    collector's walks, as `coach run` does for itself: each full collection walked it all,
    and the Pilot tests spent about half their time in them (issue #10: `make test`'s time).
    A test that unfreezes the heap has it frozen again, garbage collected first, here."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    for name in ("config", "data", "cache", "home"):
        (tmp_path / name).mkdir(exist_ok=True)
    monkeypatch.setenv("COACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(home))
    yield tmp_path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """On CI every tool a test needs is installed (`scripts/system-deps.sh --test`), so a skip
    there means an install went wrong: it fails instead of passing quietly."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped on CI, where it must run: {report.longrepr}"
