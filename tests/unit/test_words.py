"""Words and tables said one way: the plural helper and the command line's one table printer."""

from __future__ import annotations

import pytest

from coach import text
from coach.commands.common import print_table


@pytest.mark.parametrize(
    ("count", "word", "words", "said"),
    [
        (0, "exercise", None, "0 exercises"),
        (1, "exercise", None, "1 exercise"),
        (2, "day", None, "2 days"),
        (1204, "session", None, "1,204 sessions"),
        (3, "foot", "feet", "3 feet"),
        (1, "foot", "feet", "1 foot"),
    ],
)
def test_plural(count: int, word: str, words: str | None, said: str) -> None:
    assert text.plural(count, word, words) == said


def test_table_columns_line_up_whatever_is_widest(capsys: pytest.CaptureFixture[str]) -> None:
    """The header may be wider than every value or narrower (the `coach stats` bug where a
    short exercise name pushed its numbers left of their header)."""
    print_table([("Exercise", "sets", "reps", "time"), ("One", "1", "12345", "5 s")], right={1, 2})
    assert capsys.readouterr().out.splitlines() == [
        "Exercise  sets   reps  time",
        "One          1  12345  5 s",
    ]


def test_a_short_row_runs_on_without_widening_its_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_table([("broken", "BROKEN  a long message about a problem"), ("ok", "Ok", "1 s")])
    assert capsys.readouterr().out.splitlines() == [
        "broken  BROKEN  a long message about a problem",
        "ok      Ok  1 s",
    ]
