"""`coach log` the same routine at the same time twice: #14 of the new-user walk, where the
second log silently recorded a second identical session and inflated adherence."""

from __future__ import annotations

import json

from tests.cli.conftest import RunCoach

AT = "2026-03-04T13:00"
REFUSED = (
    "coach: foot-quick is already recorded at 2026-03-04 13:00 (logged), so nothing was"
    " logged; add --again to record another session anyway\n"
)


def sessions(coach: RunCoach) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(coach("history", "--json").stdout)
    return found


def test_a_second_log_at_the_same_time_is_refused_and_records_nothing(coach: RunCoach) -> None:
    """#14: the second `coach log foot-quick --at T` recorded a twin, with no word said."""
    first = coach("log", "foot-quick", "--at", AT)
    assert first.returncode == 0, first.stderr
    second = coach("log", "foot-quick", "--at", AT)
    assert (second.returncode, second.stdout, second.stderr) == (1, "", REFUSED)
    # Within the first one's 4 min 41 s is the same session too.
    assert coach("log", "foot-quick", "--at", "2026-03-04T13:03").returncode == 1
    assert len(sessions(coach)) == 1


def test_again_records_another_and_other_times_and_routines_are_free(coach: RunCoach) -> None:
    """#14: what is not a twin is logged as before; `--again` says the person means it."""
    assert coach("log", "foot-quick", "--at", AT).returncode == 0
    for words in (
        ("foot-quick", "--at", "2026-03-04T13:05"),  # after the first one ended
        ("foot-daily", "--at", AT),  # another routine at the same time
        ("foot-quick", "--at", AT, "--again"),
    ):
        result = coach("log", *words)
        assert (result.returncode, result.stderr) == (0, ""), words
    starts = sorted((s["routine"], s["started_at"][:16]) for s in sessions(coach))
    assert starts == [
        ("foot-daily", AT),
        ("foot-quick", AT),
        ("foot-quick", AT),
        ("foot-quick", "2026-03-04T13:05"),
    ]
