"""Fixtures for driving the app with Pilot: a fake clock, a recording speaker, test routines."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.audio.backend import RecordingBackend
from coach.session.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def audio() -> RecordingBackend:
    return RecordingBackend()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "routines"
