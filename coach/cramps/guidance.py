"""When a cramp pattern is worth taking to a doctor, and the signs that need help sooner.

This is plain safety information, never a diagnosis: it names a pattern in the diary and says
who can look into it. The wording is ours; the advice follows these pages:

- NHS, "Leg cramps": see a GP when cramps happen often, disturb sleep, last longer than 10
  minutes, come with numbness or swelling, or began with a new medicine; painkillers act too
  slowly to help during a cramp.
- Cleveland Clinic, "Don't Let Foot Cramps and Charley Horses Slow You Down", and Mayo Clinic's
  muscle-cramp advice: the same reasons to see a doctor, and to ask before self-treating.
- NHS, "DVT (deep vein thrombosis)", and WebMD, "Is It DVT or Something Else?": one swollen,
  warm, painful calf needs urgent checking, and breathlessness or chest pain with it is an
  emergency.
- Baystate Health, "Are Leg Cramps Serious? PAD Symptoms": calf pain that comes on while
  walking and goes with a few minutes' rest can be a circulation problem.
- NHS Tayside, "Exercises to try at home": stop and get help at once for chest pain, severe
  breathlessness or dizziness.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:  # the module stays light: `coach cramp --help` shows the red flags
    from datetime import datetime

    from coach.cramps.records import CrampRecord


class Threshold(NamedTuple):
    """`cramps` or more matching cramps within the `days` days up to now."""

    cramps: int
    days: int


# The thresholds, all in one place. The NHS "Leg cramps" page says to see a GP when cramps are
# frequent, disturb sleep or last over 10 minutes, but gives no number for "frequent"; these
# counts are our own cautious reading of it, not figures from the NHS.
#: Frequent: 3 or more cramps within 7 days.
FREQUENT_WEEK = Threshold(cramps=3, days=7)
#: Frequent over a month: more than 8 (so 9 or more) within 4 weeks.
FREQUENT_MONTH = Threshold(cramps=9, days=28)
#: Disturbing sleep: 3 or more cramps at night within 14 days.
AT_NIGHT = Threshold(cramps=3, days=14)
#: Long: any cramp of over 10 minutes (the NHS's own figure) within the last 7 days.
LONG = Threshold(cramps=1, days=7)

#: How far back a notice looks: the longest window above.
LOOKBACK_DAYS = max(t.days for t in (FREQUENT_WEEK, FREQUENT_MONTH, AT_NIGHT, LONG))

Pattern = Literal["frequent-week", "frequent-month", "at-night", "long"]


def _recent(cramps: Iterable[CrampRecord], now: datetime, days: int) -> list[CrampRecord]:
    from datetime import timedelta

    since = now - timedelta(days=days)
    return [c for c in cramps if since < c.moment <= now]


def patterns(cramps: Iterable[CrampRecord], now: datetime) -> list[tuple[Pattern, str]]:
    """Each pattern the diary shows as of `now`, with the plain words that name it."""
    cramps = list(cramps)
    found: list[tuple[Pattern, str]] = []
    week = len(_recent(cramps, now, FREQUENT_WEEK.days))
    if week >= FREQUENT_WEEK.cramps:
        found.append(("frequent-week", f"{week} cramps in the last {FREQUENT_WEEK.days} days"))
    month = len(_recent(cramps, now, FREQUENT_MONTH.days))
    if month >= FREQUENT_MONTH.cramps:
        found.append(("frequent-month", f"{month} cramps in the last 4 weeks"))
    nights = sum(c.context == "night" for c in _recent(cramps, now, AT_NIGHT.days))
    if nights >= AT_NIGHT.cramps:
        found.append(("at-night", f"{nights} cramps at night in the last {AT_NIGHT.days} days"))
    long = sum(c.duration == "over-10-min" for c in _recent(cramps, now, LONG.days))
    if long >= LONG.cramps:
        what = "a cramp" if long == 1 else f"{long} cramps"
        found.append(("long", f"{what} lasting over 10 minutes in the last {LONG.days} days"))
    return found


def notice_after_log(cramps: Iterable[CrampRecord], now: datetime) -> str | None:
    """A calm note to show after logging, when the diary shows a pattern worth raising with a
    doctor; None when it shows none. It names the patterns that led to it."""
    found = patterns(cramps, now)
    if not found:
        return None
    reasons = [words for _, words in found]
    listed = reasons[0] if len(reasons) == 1 else f"{', '.join(reasons[:-1])} and {reasons[-1]}"
    return (
        f"Your diary shows {listed}. Cramps are common and usually harmless, but when they"
        " keep coming back, wake you at night or last a long time they are worth mentioning"
        " to a doctor, who can look for a cause, such as a medicine, and suggest what may help."
    )


Urgency = Literal["emergency", "urgent", "soon"]


class RedFlag(NamedTuple):
    """A sign that a pain may be more than a cramp, and what to do about it."""

    sign: str
    action: str
    urgency: Urgency


#: Most urgent first. Shown on the relief screen, in `coach cramp --help` and after `cramp now`.
RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "Breathless, or pain or tightness in the chest",
        "This is an emergency: call your local emergency number now.",
        "emergency",
    ),
    RedFlag(
        "One calf swollen, warm and painful (the skin may look red or darker)",
        "Do not stretch or massage it. Get it checked urgently, today.",
        "urgent",
    ),
    RedFlag(
        "A cramp that lasts longer than 10 minutes",
        "See a doctor about it.",
        "soon",
    ),
    RedFlag(
        "Numbness, or weakness in the leg or foot",
        "See a doctor about it.",
        "soon",
    ),
    RedFlag(
        "Cramps that began after starting a new medicine",
        "Keep taking it, and ask your doctor or pharmacist.",
        "soon",
    ),
    RedFlag(
        "Cramping pain while walking that goes after a few minutes' rest",
        "See a doctor; it can be a sign of poor circulation.",
        "soon",
    ),
)

RED_FLAGS_TITLE = "When it may be more than a cramp"


def red_flags_text(width: int = 76) -> str:
    """The red flags as indented plain-text lines, for help texts and the terminal."""
    import textwrap

    lines = [f"{RED_FLAGS_TITLE}:"]
    for flag in RED_FLAGS:
        body = f"{flag.sign}. {flag.action}"
        lines.extend(
            textwrap.wrap(body, width=width, initial_indent="  - ", subsequent_indent="    ")
        )
    return "\n".join(lines)
