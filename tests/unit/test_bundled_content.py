"""What issue #12 asked of the bundled routines beyond their doses: toe curls in the daily
routine with its real length stated, the before-exercise warm-up, the relief routine's warning
first and its heat and ice caution taken from the library, and plainer names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach import text
from coach.cramps.diary import RELIEF_ROUTINE
from coach.cramps.guidance import relief_warning
from coach.cramps.relief import with_warning
from coach.routine.loader import load_exercises, load_routine, parse_routine
from coach.routine.model import ExerciseStep, Routine
from coach.routine.timeline import expand

ROOT = Path(__file__).resolve().parents[2]
ROUTINES = ROOT / "routines"
LIBRARY = load_exercises(ROUTINES / "exercises.yaml")
#: The allowance for a self-paced repetition (a marble picked up and dropped in the bowl), as
#: docs/exercise-sources.md states it.
SECONDS_PER_SELF_PACED_REP = 6


def bundled(routine_id: str) -> Routine:
    return load_routine(ROUTINES / f"{routine_id}.yaml", LIBRARY)


def steps_of(routine: Routine) -> list[ExerciseStep]:
    return [step for step in routine.steps if isinstance(step, ExerciseStep)]


def real_length(routine: Routine) -> float:
    """The planned time plus the allowance for the steps done at one's own pace."""
    timeline = expand(routine)
    self_paced = sum(s.reps or 0 for s in timeline.segments if s.self_paced)
    return timeline.total_s + SECONDS_PER_SELF_PACED_REP * self_paced


def test_the_daily_routine_has_the_toe_curls_with_their_cramp_caution() -> None:
    [curls] = [s for s in steps_of(bundled("foot-daily")) if s.exercise_id == "toe-curls"]
    assert curls.caution == LIBRARY["toe-curls"].caution
    assert curls.caution is not None and "cramp" in curls.caution


def test_the_daily_routine_states_its_real_length_and_it_is_about_15_minutes() -> None:
    daily = bundled("foot-daily")
    planned = expand(daily).total_s
    minutes = round(real_length(daily) / 60)
    assert minutes <= 15
    assert daily.description.startswith(f"About {minutes} minutes")
    assert f"{text.length(planned)} of timed steps" in daily.description
    assert any(s.self_paced for s in steps_of(daily)), "the allowance is for the marbles"


def test_the_readme_states_the_same_lengths_as_the_routines() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([\w-]+)` \|.*\| ([^|]+) \|$", readme, re.MULTILINE))
    daily = bundled("foot-daily")
    minutes = round(real_length(daily) / 60)
    assert rows["foot-daily"].startswith(f"about {minutes} min: ")
    assert text.length(expand(daily).total_s) in rows["foot-daily"]
    for routine_id in ("foot-quick", "foot-beginner", "before-exercise", "bedtime-calves"):
        minutes = round(expand(bundled(routine_id)).total_s / 60)
        assert rows[routine_id] == f"about {minutes} min", routine_id


def test_before_exercise_is_a_3_to_4_minute_moving_warm_up() -> None:
    warm_up = bundled("before-exercise")
    assert 180 <= expand(warm_up).total_s <= 240
    steps = steps_of(warm_up)
    assert not any(s.self_paced for s in steps)
    assert {s.exercise_id for s in steps} >= {"ankle-circles", "calf-raise"}
    assert "stretch" not in " ".join(s.exercise_id or "" for s in steps), "moving, not holds"


def test_the_relief_routines_heat_and_ice_caution_is_the_librarys() -> None:
    last = steps_of(bundled(RELIEF_ROUTINE))[-1]
    library = f"{LIBRARY['cramp-warmth'].caution} {LIBRARY['cramp-cold'].caution}"
    assert last.caution == library
    assert "elbow or wrist" in library and "numb" in library


@pytest.mark.parametrize("caution", [c for c in (e.caution for e in LIBRARY.values()) if c])
def test_library_cautions_come_in_short_sentences(caution: str) -> None:
    sentences = re.split(r"(?<=[.;])\s+", caution)
    assert all(len(s.split()) <= 25 for s in sentences), caution


def test_plain_names_keep_their_ids() -> None:
    assert LIBRARY["short-foot"].name == "Arch lift"


def test_the_calf_raise_offers_the_seated_heel_raise_after_recent_cramps() -> None:
    for exercise_id in ("calf-raise", "single-leg-calf-raise"):
        caution = LIBRARY[exercise_id].caution or ""
        assert "cramped recently, do the seated heel raise instead" in caution
    assert "seated-heel-raise" in LIBRARY


# -- the relief's warning comes first ---------------------------------------------------------


def test_the_relief_routine_opens_with_the_emergency_and_swollen_calf_warning() -> None:
    relief = with_warning(bundled(RELIEF_ROUTINE))
    first = expand(relief).segments[0]
    assert first.kind == "work"
    assert first.caution is not None and first.caution.startswith(relief_warning())


def test_a_persons_own_relief_routine_gets_the_warning_too_once() -> None:
    own = parse_routine(
        "name: Mine\nprepare: 0\nsteps:\n"
        "  - repeat: 2\n    steps:\n      - {name: Stretch, reps: 1, caution: Gently.}\n",
        "mine.yaml",
        LIBRARY,
        routine_id=RELIEF_ROUTINE,
    )
    warned = with_warning(with_warning(own))
    cautions = [s.caution for s in expand(warned).segments if s.kind == "work"]
    assert cautions[0] == f"{relief_warning()} Gently."


def test_other_routines_are_played_as_written() -> None:
    daily = bundled("foot-daily")
    assert with_warning(daily) is daily
