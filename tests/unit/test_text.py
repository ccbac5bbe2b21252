"""Words and numbers said one way (issue #11): lengths, totals, clocks and plurals."""

from __future__ import annotations

import pytest

from coach import text


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0.5, "0.5 s"),
        (7.0, "7 s"),
        (9.2, "9 s"),  # bug #11: a measured time read "9.2 s" beside "12 s"
        (7.5, "8 s"),
        (45.0, "45 s"),
        (102.4, "1 min 42 s"),
        (600.0, "10 min"),
        (3900.0, "1 h 5 min"),
        (0.0, "0 s"),
    ],
)
def test_a_length_is_in_whole_seconds_and_words(seconds: float, shown: str) -> None:
    assert text.length(seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0.0, "0 min"),
        (42.0, "42 s"),
        (114.0, "2 min"),  # bug #11: "1.9 min"
        (420.0, "7 min"),  # bug #11: "7.0 min"
        (3599.0, "1 h"),
        (2345227.0, "651 h 27 min"),
    ],
)
def test_a_total_is_to_the_minute(seconds: float, shown: str) -> None:
    assert text.total(seconds) == shown


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0 exercises"), (1, "1 exercise"), (2, "2 exercises")]
)
def test_plural(count: int, shown: str) -> None:
    assert text.plural(count, "exercise") == shown


def test_a_clock_for_dense_tables() -> None:
    assert text.clock(102.9, round_up=False) == "1:42"
    assert text.clock(3900.0) == "1:05:00"


def test_a_plans_amount_of_one_rep_is_singular() -> None:
    """Bug #11: the plan table said "1 reps, own pace"."""
    from coach.routine.model import TempoPhase
    from coach.routine.timeline import Segment
    from coach.tui.widgets.plan import short_amount

    one = Segment(index=0, kind="work", name="Curl", start_s=0.0, duration_s=None, reps=1)
    assert short_amount(one) == "own pace"
    tempo = (TempoPhase("up", 2.0), TempoPhase("down", 2.0))
    assert short_amount(Segment(0, "work", "Raise", 0.0, 4.0, reps=1, tempo=tempo)) == (
        "1 rep (2-2 s)"
    )


def test_printable_drops_control_characters_but_keeps_tabs_newlines_and_any_script() -> None:
    """Bug: a note holding an escape sequence was printed as is by `coach cramp list`,
    where it repainted the terminal."""
    assert text.printable("bad\x1b[2Jnote\x07\x00\x9b") == "bad[2Jnote"
    assert text.printable("calf\ttight\nat night · ü 脚") == "calf\ttight\nat night · ü 脚"


def test_a_recorded_length_rounds_as_its_words_do() -> None:
    """A 9.6 s session read "Time: 10 s" on the Finished screen but "0:09" in the history."""
    assert text.recorded(9.6) == "0:10"
    assert text.length(9.6) == "10 s"
    assert text.recorded(102.4) == "1:42"


def test_one_wording_for_tempo_streaks_and_self_paced_lengths() -> None:
    """ux-defects #17: the tempo read "10 reps (3-5 s)" in the session but "(3-5)" in the
    preview; `coach status` said "0-day streak" where home said "a session today starts one"
    and Finished "finish a session to start one"; the home list gave the cramp relief as
    "2 min" though most of it goes at the person's own pace."""
    from datetime import date

    from coach.routine.catalog import Catalog
    from coach.routine.model import TempoPhase
    from coach.routine.timeline import Segment, amount_text
    from coach.tui.history_view import HomeHistory, heatmap_grid, home_lines
    from coach.tui.streak_view import StreakNow, streak_result
    from coach.tui.widgets.plan import short_amount
    from coach.tui.widgets.routine_table import entry_cells

    tempo = (TempoPhase("up", 3.0), TempoPhase("down", 5.0))
    rep = Segment(0, "work", "Raise", 0.0, 8.0, reps=10, tempo=tempo)
    assert amount_text(rep) == "10 reps (3-5 s)"
    assert short_amount(rep) == "10 reps (3-5 s)"

    assert text.streak(0) == text.NO_STREAK
    grid = heatmap_grid({}, date(2026, 11, 26), 1)
    assert home_lines(HomeHistory(True, False, 0, grid))[1] == text.NO_STREAK
    assert streak_result(StreakNow(True, False, 0)) == text.NO_STREAK

    relief = entry_cells(Catalog.default().find("cramp-relief"))[1]
    assert relief == "2 min + own pace"
