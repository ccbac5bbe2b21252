"""When to suggest a doctor: every threshold just under and at it, with fixed dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from coach.cramps import guidance
from coach.cramps.guidance import (
    AT_NIGHT,
    FREQUENT_MONTH,
    FREQUENT_WEEK,
    LONG,
    LOOKBACK_DAYS,
    RED_FLAGS,
    notice_after_log,
    patterns,
    red_flags_text,
)
from coach.cramps.records import CrampRecord

NOW = datetime(2024, 5, 14, 12, 0, tzinfo=timezone(timedelta(hours=1)))


def cramp(ago: timedelta, context: str = "other", duration: str = "under-1-min") -> CrampRecord:
    moment = NOW - ago
    return CrampRecord(
        uid=f"u{ago.total_seconds()}-{context}",
        at=moment.isoformat(timespec="milliseconds"),
        foot="both",
        where="calf",
        severity=5,
        duration=duration,  # type: ignore[arg-type]
        context=context,  # type: ignore[arg-type]
    )


def spread(count: int, within_days: int, **kind: str) -> list[CrampRecord]:
    """`count` cramps, the oldest just inside `within_days` days before NOW."""
    oldest = timedelta(days=within_days) - timedelta(minutes=1)
    return [cramp(oldest * n / max(1, count - 1), **kind) for n in range(count)]


def month(count: int) -> list[CrampRecord]:
    """`count` cramps within 4 weeks, only two of them within the last 7 days."""
    earlier = [cramp(timedelta(days=8 + 19.9 * n / (count - 3))) for n in range(count - 2)]
    return [cramp(timedelta(days=1)), cramp(timedelta(days=2)), *earlier]


def found(cramps: list[CrampRecord]) -> list[str]:
    return [name for name, _ in patterns(cramps, NOW)]


def test_the_thresholds_are_the_documented_ones() -> None:
    assert (FREQUENT_WEEK.cramps, FREQUENT_WEEK.days) == (3, 7)
    assert (FREQUENT_MONTH.cramps, FREQUENT_MONTH.days) == (9, 28)  # more than 8 in 4 weeks
    assert (AT_NIGHT.cramps, AT_NIGHT.days) == (3, 14)
    assert (LONG.cramps, LONG.days) == (1, 7)
    assert LOOKBACK_DAYS == 28


@pytest.mark.parametrize(
    ("cramps", "expected"),
    [
        ([], []),
        (spread(2, 7), []),
        (spread(3, 7), ["frequent-week"]),
        # Two in the last 7 days (under the weekly threshold), the rest earlier in the 4 weeks.
        (month(8), []),
        (month(9), ["frequent-month"]),
        (spread(2, 14, context="night"), []),
        (
            [cramp(timedelta(days=d), context="night") for d in (0, 8, 13.9)],
            ["at-night"],
        ),
        ([cramp(timedelta(days=1), duration="1-10-min")], []),
        ([cramp(timedelta(days=6.9), duration="over-10-min")], ["long"]),
    ],
)
def test_each_threshold_just_under_and_at(cramps: list[CrampRecord], expected: list[str]) -> None:
    assert found(cramps) == expected


@pytest.mark.parametrize(
    ("ago", "counted"),
    [
        (timedelta(days=7), False),  # exactly 7 days ago: outside the 7 days up to now
        (timedelta(days=7) - timedelta(seconds=1), True),
        (timedelta(seconds=-1), False),  # after now: not in the window either
    ],
)
def test_the_window_edges(ago: timedelta, counted: bool) -> None:
    cramps = [cramp(timedelta(days=1)), cramp(timedelta(days=2)), cramp(ago)]
    assert found(cramps) == (["frequent-week"] if counted else [])


def test_night_cramps_count_only_at_night() -> None:
    cramps = [cramp(timedelta(days=d), context="exercise") for d in (8, 9, 10)]
    cramps += [cramp(timedelta(days=d), context="night") for d in (11, 12)]
    assert found(cramps) == []


def test_a_long_cramp_more_than_7_days_ago_no_longer_prompts() -> None:
    assert found([cramp(timedelta(days=7), duration="over-10-min")]) == []


def test_no_pattern_no_notice() -> None:
    assert notice_after_log(spread(2, 7), NOW) is None


def test_the_notice_names_what_triggered_it_and_stays_calm() -> None:
    notice = notice_after_log([cramp(timedelta(hours=2), duration="over-10-min")], NOW)
    assert notice is not None
    assert notice.startswith("Your diary shows a cramp lasting over 10 minutes in the last 7 days.")
    assert "doctor" in notice
    for alarming in ("diagnos", "cure", "!", "danger"):
        assert alarming not in notice.lower()


def test_several_patterns_are_listed_together() -> None:
    cramps = [cramp(timedelta(days=d), context="night", duration="over-10-min") for d in (0, 1, 2)]
    notice = notice_after_log(cramps, NOW)
    assert notice is not None
    assert notice.startswith(
        "Your diary shows 3 cramps in the last 7 days, 3 cramps at night in the last 14 days"
        " and 3 cramps lasting over 10 minutes in the last 7 days."
    )


def test_the_red_flags_cover_what_must_not_be_missed() -> None:
    text = " ".join(f"{f.sign} {f.action}" for f in RED_FLAGS).lower()
    for words in (
        "swollen, warm and painful",
        "do not stretch or rub it",
        "today",
        "numbness",
        "weakness",
        "swelling",
        "new medicine",
        "keep taking it",
        "when you walk",
        "few minutes' rest",
        "cold, pale or bluish feet",
        "sores on your feet that do not heal",
        "poor circulation",
        "longer than 10 minutes",
        "breathless",
        "chest",
        "emergency",
    ):
        assert words in text, words
    assert RED_FLAGS[0].urgency == "emergency"
    assert [f.urgency for f in RED_FLAGS].index("soon") > 1


def test_the_swollen_calf_is_one_message_with_one_deadline() -> None:
    """Issue #12: the relief routine said "see a doctor" where the red flags said "urgently,
    today"; there is one message now, and no other flag speaks of a swollen calf."""
    assert guidance.SWOLLEN_CALF in RED_FLAGS
    assert guidance.SWOLLEN_CALF.text == (
        "One calf swollen, warm and painful (the skin may look red or darker)."
        " Do not stretch or rub it. Get it checked by a doctor today."
    )
    calves = [f for f in RED_FLAGS if "calf swollen" in f.sign]
    assert calves == [guidance.SWOLLEN_CALF]


def test_the_relief_warning_is_the_emergency_then_the_swollen_calf() -> None:
    warning = guidance.relief_warning()
    assert warning == f"{RED_FLAGS[0].text} {guidance.SWOLLEN_CALF.text}"
    assert warning.startswith("Breathless, or pain or tightness in the chest.")


@pytest.mark.parametrize("threshold", [FREQUENT_WEEK, FREQUENT_MONTH, AT_NIGHT])
def test_every_notice_sentence_is_short(threshold: guidance.Threshold) -> None:
    """Issue #12: the notice was one 45-word sentence; now each sentence says one thing."""
    kind = {"context": "night"} if threshold is AT_NIGHT else {}
    notice = notice_after_log(spread(threshold.cramps, threshold.days, **kind), NOW)
    assert notice is not None
    sentences = [s for s in notice.split(". ") if s]
    assert len(sentences) >= 4
    assert all(len(s.split()) <= 20 for s in sentences), sentences


def test_red_flags_text_is_wrapped_and_lists_every_flag() -> None:
    text = red_flags_text(60)
    lines = text.splitlines()
    assert lines[0] == f"{guidance.RED_FLAGS_TITLE}:"
    assert all(len(line) <= 60 for line in lines)
    assert sum(line.startswith("  - ") for line in lines) == len(RED_FLAGS)
