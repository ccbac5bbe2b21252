"""Progression that listens: held by pain or a hard session, stepped back after a run of hard
ones, the new `progress` keys checked like every other, and `coach plan` saying so."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from coach import locations, text
from coach.cli import main
from coach.history.checkins import CheckIn
from coach.history.progress import progress_history
from coach.history.store import HistoryStore
from coach.problems import FileProblems
from coach.routine import progression
from coach.routine.loader import parse_routine
from coach.routine.model import Exercise, ExerciseStep, Routine
from coach.routine.progression import Practice
from tests.unit.test_checkins import session
from tests.unit.test_progression_plan import GROWING

LIBRARY = {"calf-stretch": Exercise("calf-stretch", "Calf stretch", sides="both")}
ROUTINE = """\
name: Growing
prepare: 0
steps:
  - exercise: calf-stretch
    duration: 30s
    progress: {every: 2d, add: 5s, max: 45s%s}
"""
START = date(2026, 3, 2)


def grown(history: progression.History, keys: str = "") -> ExerciseStep:
    routine = parse_routine(ROUTINE % keys, "growing.yaml", LIBRARY, set())
    (step,) = progression.apply(routine, history).steps
    assert isinstance(step, ExerciseStep)
    return step


def days(*said: tuple[str | None, int | None] | None) -> list[Practice]:
    """One completed session a day from START; each with the check-in given (None: none)."""
    return [
        Practice(START + timedelta(days=n), True, *(answer or (None, None)))
        for n, answer in enumerate(said)
    ]


def test_without_check_ins_it_grows_as_it_always_did() -> None:
    for count in range(8):
        assert grown(days(*[None] * count)).duration == grown(count).duration
    assert grown(days(None, None, None, None)).duration == 40.0


def test_pain_at_the_threshold_holds_the_step_and_says_why() -> None:
    step = grown(days(None, None, ("right", 4)))
    assert step.duration == 35.0
    assert step.growth is not None and step.growth.held
    assert step.growth.reason == "pain 4 last time"
    why = progression.explanations(progression.apply(_routine(), days(None, None, ("right", 4))))
    assert why == ["Calf stretch held at 35 s: pain 4 last time"]


def test_days_played_while_held_do_not_count_and_growth_goes_on_after() -> None:
    # Two days grow it to 35 s; pain holds it for the next two; then two good days: 40 s.
    held = days(None, ("right", 5), None, ("right", 1), None, None)
    step = grown(held)
    assert step.duration == 40.0 and step.growth is not None
    assert (step.growth.held, step.growth.reason, step.growth.completed_days) == (False, None, 4)
    assert grown(held[:4]).duration == 35.0


def test_pain_below_the_threshold_and_a_hard_session_differ() -> None:
    assert grown(days(None, ("right", 3), None, None)).duration == 40.0
    step = grown(days(None, None, ("hard", None)))
    assert step.growth is not None and step.growth.reason == "hard last time"
    both = grown(days(None, None, ("hard", 6)))
    assert both.growth is not None and both.growth.reason == "hard and pain 6 last time"


def test_hold_if_pain_is_the_files_own() -> None:
    assert grown(days(None, None, ("right", 5), None), ", hold_if_pain: 6").duration == 40.0
    assert grown(days(None, None, ("right", 6), None), ", hold_if_pain: 6").duration == 35.0


def test_a_run_of_hard_sessions_steps_back_one_add_and_grows_again_from_there() -> None:
    grown_up = [None] * 6  # 45 s, its max
    run = [("hard", None)] * 3
    step = grown(days(*grown_up, *run))
    assert step.duration == 40.0 and step.growth is not None
    assert step.growth.held
    assert step.growth.reason == "one step back after 3 hard sessions in a row"
    # Easier days again: held for the day after the last hard one, then growing from 40 s.
    again = grown(days(*grown_up, *run, ("right", None), None, None))
    assert again.duration == 45.0
    assert grown(days(*grown_up, *run, ("right", None))).duration == 40.0


def test_back_off_after_is_the_files_own_and_never_goes_below_the_file() -> None:
    two = [("hard", None)] * 2
    assert grown(days(None, None, *two), ", back_off_after: 2").duration == 30.0
    assert grown(days(None, None, *two)).duration == 35.0  # the default needs 3
    assert grown(days(*[("hard", None)] * 9)).duration == 30.0  # nothing to step back from


def test_an_easier_session_breaks_a_run_of_hard_ones() -> None:
    said = days(*[None] * 6, ("hard", None), ("hard", None), ("easy", None), ("hard", None))
    assert grown(said).duration == 45.0


def _routine() -> Routine:
    return parse_routine(ROUTINE % "", "growing.yaml", LIBRARY, set())


@pytest.mark.parametrize(
    ("keys", "problem"),
    [
        (", hold_if_pain: 11", "growing.yaml:6:60: `hold_if_pain` must be between 1 and 10"),
        (", hold_if_pain: 0", "growing.yaml:6:60: `hold_if_pain` must be between 1 and 10"),
        (", back_off_after: many", "growing.yaml:6:62: `back_off_after` must be a whole number"),
        (
            ", hold_if_pian: 4",
            'unknown key `hold_if_pian` in `progress` (did you mean "hold_if_pain"?)',
        ),
        (", back_of_after: 4", 'did you mean "back_off_after"?'),
    ],
)
def test_the_new_keys_are_checked_at_their_place(keys: str, problem: str) -> None:
    with pytest.raises(FileProblems) as caught:
        parse_routine(ROUTINE % keys, "growing.yaml", LIBRARY, set())
    assert problem in str(caught.value)


# -- with the history ----------------------------------------------------------------------


def test_the_history_gives_the_sessions_and_check_ins_oldest_first() -> None:
    at = datetime.fromisoformat("2026-03-05T08:00:00+01:00")
    with HistoryStore.in_memory() as store:
        assert progress_history(store, "feet") == 0
        for n in range(3):
            store.begin_session(session(f"s{n}", f"2026-03-0{n + 2}"))
        assert progress_history(store, "feet") == 3  # no check-ins: the count is enough
        store.set_checkin(2, CheckIn("hard", 5, "sore", at))
        assert progress_history(store, "feet") == [
            Practice(date(2026, 3, 2), True),
            Practice(date(2026, 3, 3), True, "hard", 5),
            Practice(date(2026, 3, 4), True),
        ]


def test_plan_json_and_text_say_held_and_why(
    isolated_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (locations.user_routines_dir(create=True) / "growing.yaml").write_text(GROWING)
    at = datetime.fromisoformat("2026-03-20T08:00:00+01:00")
    with HistoryStore.open() as store:
        ids = [
            store.begin_session(
                session(f"s{n}", (START + timedelta(days=n)).isoformat(), "growing")
            )
            for n in range(14)
        ]
        store.set_checkin(ids[-1], CheckIn("right", 5, None, at))
    assert main(["plan", "growing", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["progression"]
    assert (item["held"], item["reason"], item["today"]) == (True, "pain 5 last time", 40.0)
    assert main(["plan", "growing"]) == 0
    assert "today: Calf stretch, straight knee held at 40 s: pain 5 last time" in (
        capsys.readouterr().out
    )


# -- the examples in docs/routines.md ------------------------------------------------------

PAGE = Path(__file__).resolve().parents[2] / "docs" / "routines.md"
SECTION = "### When it hurts: progression that listens"


def documented() -> tuple[str, list[list[str]]]:
    """The section's example routine and the rows of its table."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index(SECTION) : text.index("\n## ", text.index(SECTION))]
    routine = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("| `")
    ]
    return routine, rows


def sessions(written: str) -> list[Practice]:
    """`· ×13, right pain 5`: one completed session a day, as the page's table writes them."""
    said: list[tuple[str | None, int | None]] = []
    for part in written.strip("`").split(", "):
        words, _, times = part.partition(" ×")
        feeling = next((w for w in words.split() if w in ("easy", "right", "hard")), None)
        pain = int(words.split("pain ")[1]) if "pain " in words else None
        said += [(feeling, pain)] * int(times or 1)
    return [Practice(START + timedelta(days=n), True, *answer) for n, answer in enumerate(said)]


def test_the_documented_table_is_what_progression_does() -> None:
    from coach.routine.catalog import Catalog

    routine_text, rows = documented()
    library = Catalog.default().exercises
    routine = parse_routine(routine_text, "listening.yaml", library, set())
    assert len(rows) >= 6
    for written, value, says in rows:
        today = progression.apply(routine, sessions(written))
        (step,) = today.steps
        assert isinstance(step, ExerciseStep) and step.duration is not None
        assert (text.length(step.duration), progression.explanations(today)) == (value, [says])
