"""Cramp records: allowed values, defaults, and the JSON contract."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from coach.cramps.records import CrampRecord, new_cramp
from coach.cramps.values import (
    CrampValueError,
    default_context,
    read_choice,
    read_severity,
)

PARIS = timezone(timedelta(hours=2))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, 14, hour, minute, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("moment", "context"),
    [
        (at(20, 59), "other"),
        (at(21, 0), "night"),
        (at(0, 0), "night"),
        (at(6, 59), "night"),
        (at(7, 0), "other"),
        (at(12, 0), "other"),
    ],
)
def test_the_default_context_is_night_from_21_to_07(moment: datetime, context: str) -> None:
    assert default_context(moment) == context


def test_a_cramp_with_no_details_takes_the_documented_defaults() -> None:
    cramp = new_cramp(at(3, 10))
    assert (cramp.foot, cramp.where, cramp.severity, cramp.duration, cramp.context) == (
        "both",
        "calf",
        5,
        "under-1-min",
        "night",
    )
    assert cramp.at == "2024-05-14T03:10:00.000+02:00"
    assert cramp.note is None and cramp.id is None and len(cramp.uid) == 32


def test_given_details_are_kept_and_words_are_read_in_any_case() -> None:
    cramp = new_cramp(
        at(12),
        foot="Left",
        where=" ARCH ",
        severity="7",
        duration="over-10-min",
        context="exercise",
        note="  after the walk ",
    )
    assert (cramp.foot, cramp.where, cramp.severity, cramp.duration, cramp.context) == (
        "left",
        "arch",
        7,
        "over-10-min",
        "exercise",
    )
    assert cramp.note == "after the walk"
    assert new_cramp(at(12), note="   ").note is None
    # Printed back by `coach cramp list`: no escape sequence reaches the terminal.
    assert new_cramp(at(12), note="calf\x1b[2J\x07").note == "calf[2J"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"foot": "up"}, "foot must be one of left, right, both; got 'up'"),
        ({"where": "knee"}, "where must be one of toes, arch, heel, calf; got 'knee'"),
        (
            {"duration": "5m"},
            "duration must be one of under-1-min, 1-10-min, over-10-min; got '5m'",
        ),
        (
            {"context": "bed"},
            "context must be one of night, exercise, sitting, standing, other; got 'bed'",
        ),
        ({"severity": 0}, "severity must be a whole number from 1 to 10; got 0"),
        ({"severity": 11}, "severity must be a whole number from 1 to 10; got 11"),
        ({"severity": "7.5"}, "severity must be a whole number from 1 to 10; got '7.5'"),
        ({"severity": True}, "severity must be a whole number from 1 to 10; got True"),
    ],
)
def test_a_value_outside_the_allowed_ones_says_which_are_allowed(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(CrampValueError) as caught:
        new_cramp(at(12), **changes)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "value"), [("1", 1), (" 10 ", 10), ("5", 5)])
def test_severity_edges_are_allowed(text: str, value: int) -> None:
    assert read_severity(text) == value


def test_read_choice_returns_the_canonical_word() -> None:
    assert read_choice("foot", "BOTH", ("left", "right", "both")) == "both"


def test_a_cramp_needs_a_time_with_an_offset() -> None:
    with pytest.raises(ValueError, match="needs an offset"):
        new_cramp(datetime(2024, 5, 14, 3, 10))


def test_the_json_form_has_the_contract_keys() -> None:
    cramp = CrampRecord(
        "u1", "2024-05-14T03:10:00.000+02:00", "left", "calf", 6, "1-10-min", "night", "ow", id=4
    )
    assert cramp.to_json() == {
        "id": 4,
        "uid": "u1",
        "at": "2024-05-14T03:10:00.000+02:00",
        "foot": "left",
        "where": "calf",
        "severity": 6,
        "duration": "1-10-min",
        "context": "night",
        "note": "ow",
    }
    assert datetime.fromisoformat(cramp.to_json()["at"]).utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("foot", "context", "line"),
    [
        ("left", "night", "left calf, 6/10, 1 to 10 minutes, at night in bed"),
        ("both", "other", "calf, both feet, 6/10, 1 to 10 minutes"),
        ("right", "sitting", "right calf, 6/10, 1 to 10 minutes, while sitting"),
    ],
)
def test_describe_is_one_plain_line(foot: str, context: str, line: str) -> None:
    cramp = new_cramp(at(3), foot=foot, severity=6, duration="1-10-min", context=context)
    assert cramp.describe() == line


def test_the_day_is_the_date_in_the_cramps_own_offset() -> None:
    cramp = new_cramp(datetime(2024, 5, 14, 23, 30, tzinfo=timezone(timedelta(hours=-5))))
    assert cramp.day.isoformat() == "2024-05-14"
