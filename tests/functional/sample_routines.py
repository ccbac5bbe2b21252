"""Small routines written into a test's own folders, so app tests never depend on the bundled ones.

Shared by the Pilot tests and the snapshot tests: `make_test_app` builds the app exactly as the
CLI does, with a fake clock and a recording audio backend handed in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.audio.backend import RecordingBackend
from coach.routine.catalog import Catalog
from coach.routine.model import Routine
from coach.session.clock import FakeClock
from coach.settings import Settings
from coach.tui.app import CoachApp, make_app

EXERCISES = """\
heel-hold:
  name: Heel hold
  instructions:
    - Stand tall holding a chair back.
    - Rise onto the balls of your feet and hold still.
  caution: Stop if your calf starts to cramp.
  sides: none
toe-raise:
  name: Toe raise
  instructions:
    - Sit with your feet flat.
    - Lift your toes, keeping your heels down.
  sides: none
calf-stretch:
  name: Calf stretch
  instructions:
    - Step one foot back and press the heel down.
  sides: both
"""

ROUTINES = {
    # Today's routine: one timed exercise, then one at the person's own pace.
    "daily": """\
name: Daily test
description: A short routine for the tests.
prepare: 2s
steps:
  - exercise: heel-hold
    duration: 6s
  - exercise: toe-raise
    reps: 5
""",
    "stretch": """\
name: Stretch both sides
prepare: 3s
switch: 2s
steps:
  - exercise: calf-stretch
    duration: 8s
""",
    "tempo": """\
name: Tempo test
prepare: 2s
steps:
  - exercise: toe-raise
    reps: 2
    tempo: {up: 1s, hold: 2s, down: 1s}
""",
    "mixed": """\
name: Mixed test
prepare: 3s
switch: 2s
steps:
  - exercise: heel-hold
    duration: 20s
  - exercise: toe-raise
    reps: 2
    tempo: {up: 1s, hold: 1s, down: 1s}
  - rest: 4s
  - exercise: calf-stretch
    duration: 5s
    sets: 2
    rest: 3s
  - exercise: toe-raise
    reps: 4
""",
    "broken": """\
name: Broken test
steps:
  - exercise: heel-hold
    duration: -5s
""",
}


def write_catalog(root: Path) -> Catalog:
    bundled = root / "bundled"
    bundled.mkdir(parents=True, exist_ok=True)
    (bundled / "exercises.yaml").write_text(EXERCISES)
    for name, body in ROUTINES.items():
        (bundled / f"{name}.yaml").write_text(body)
    return Catalog(user_dir=root / "user", bundled_dir=bundled)


def load(catalog: Catalog, routine_id: str) -> Routine:
    routine = catalog.find(routine_id).routine
    assert routine is not None, routine_id
    return routine


def make_test_app(
    root: Path,
    *,
    clock: FakeClock | None = None,
    audio: RecordingBackend | None = None,
    start: str | None = None,
    settings: Settings | None = None,
    **options: Any,
) -> CoachApp:
    catalog = write_catalog(root)
    return make_app(
        clock=clock or FakeClock(),
        audio=audio or RecordingBackend(),
        catalog=catalog,
        settings=settings or Settings(daily_routine="daily", voice=False),
        start_routine=load(catalog, start) if start else None,
        **options,
    )


#: A routine of the person's own, in their folder (see `user_routine`).
MINE = """\
name: Mine
prepare: 2s
steps:
  - exercise: heel-hold
    duration: 6s
"""


def user_routine(root: Path, routine_id: str = "mine", body: str = MINE) -> Path:
    """`body` as the person's routine `routine_id` under the test's root; its path."""
    folder = root / "user"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{routine_id}.yaml"
    path.write_text(body, encoding="utf-8")
    return path
