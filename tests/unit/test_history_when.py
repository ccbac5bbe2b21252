"""`coach log --at`: the forms of time it reads, in a fixed zone, and the ones it refuses."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from coach.history.when import WhenError, parse_when

LONDON = ZoneInfo("Europe/London")
# The first morning of British Summer Time: yesterday was still GMT.
NOW = datetime(2024, 3, 31, 9, 15, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:30", "2024-03-31T07:30:00+01:00"),
        ("7:05", "2024-03-31T07:05:00+01:00"),
        ("today 08:00", "2024-03-31T08:00:00+01:00"),
        ("yesterday 07:30", "2024-03-30T07:30:00+00:00"),
        ("  Yesterday   21:45 ", "2024-03-30T21:45:00+00:00"),
        ("yesterday", "2024-03-30T12:00:00+00:00"),
        ("2024-03-29", "2024-03-29T12:00:00+00:00"),
        ("2024-03-29T06:00", "2024-03-29T06:00:00+00:00"),
        ("2024-03-29T06:00:00-05:00", "2024-03-29T06:00:00-05:00"),
        ("2024-03-31T08:00:00Z", "2024-03-31T08:00:00+00:00"),
    ],
)
def test_the_forms_it_reads(text: str, expected: str) -> None:
    assert parse_when(text, NOW, LONDON).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tomorrow", "cannot read the time 'tomorrow'; use ISO 8601"),
        ("yesterday at 7", "cannot read the time 'yesterday at 7'"),
        ("", "cannot read the time ''"),
        ("25:00", "'25:00' is not a time of day (00:00 to 23:59)"),
        ("09:16", "'09:16' is in the future; log it once it has happened"),
        ("2024-04-01", "'2024-04-01' is in the future"),
    ],
)
def test_what_it_refuses(text: str, message: str) -> None:
    with pytest.raises(WhenError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_when(text, NOW, LONDON)


def test_now_itself_is_not_the_future() -> None:
    assert parse_when("09:15", NOW, LONDON) == NOW


def test_without_a_zone_times_are_the_machines_local_time() -> None:
    now = datetime(2024, 5, 14, 9, 0).astimezone()
    moment = parse_when("07:30", now)
    assert moment.utcoffset() is not None
    assert (moment.date(), moment.hour, moment.minute) == (now.date(), 7, 30)
