"""When a cramp pattern is worth taking to a doctor, and the signs that need help sooner.

This is plain safety information, never a diagnosis: it names a pattern in the diary and says
who can look into it. The red flags are written here once, and every place that shows them
(`coach cramp --help`, `coach cramp now`, the relief routine's first step, the app's red-flag
screen, the README) uses these words. The wording is ours; the advice follows these pages:

- NHS, "Leg cramps": see a GP when cramps happen often, disturb sleep, last longer than 10
  minutes, come with numbness or swelling, or began with a new medicine.
- Mayo Clinic's muscle-cramp advice and Cleveland Clinic, "Don't Let Foot Cramps and Charley
  Horses Slow You Down": the same reasons to see a doctor, and weakness in the legs.
- NHS, "DVT (deep vein thrombosis)", and WebMD, "Is It DVT or Something Else?": one swollen,
  warm, painful calf needs checking the same day, not stretching or rubbing, and breathlessness
  or chest pain with it is an emergency.
- Baystate Health, "Are Leg Cramps Serious? PAD Symptoms": calf pain that comes on while
  walking and goes with a few minutes' rest, cold or pale feet, and foot sores that do not
  heal can be signs of poor circulation.
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


#: When cramps themselves are worth a doctor's visit, said once: the README, the diary's notice
#: after logging, the handout and the report use these words (the NHS's reasons, in short).
WHEN_TO_SEE_A_DOCTOR = (
    "See a doctor if your cramps keep coming back, last longer than 10 minutes or disturb your"
    " sleep."
)


def notice_after_log(cramps: Iterable[CrampRecord], now: datetime) -> str | None:
    """A calm note to show after logging, when the diary shows a pattern worth raising with a
    doctor; None when it shows none. It names the patterns that led to it."""
    found = patterns(cramps, now)
    if not found:
        return None
    reasons = [words for _, words in found]
    listed = reasons[0] if len(reasons) == 1 else f"{', '.join(reasons[:-1])} and {reasons[-1]}"
    return (
        f"Your diary shows {listed}. Cramps are common and usually harmless. {WHEN_TO_SEE_A_DOCTOR}"
        " A doctor can look for a cause, such as a medicine, and suggest what may help."
    )


Urgency = Literal["emergency", "urgent", "soon"]


class RedFlag(NamedTuple):
    """A sign that a pain may be more than a cramp, and what to do about it."""

    sign: str
    action: str
    urgency: Urgency

    @property
    def text(self) -> str:
        """The flag as it is shown everywhere: the sign, then what to do."""
        return f"{self.sign}. {self.action}"


#: Chest pain or breathlessness: may be a clot that has reached the lungs.
EMERGENCY = RedFlag(
    "Breathless, or pain or tightness in the chest",
    "This is an emergency: call your local emergency number now.",
    "emergency",
)

#: A swollen, warm, painful calf: may be a clot (DVT), which stretching or rubbing could harm.
SWOLLEN_CALF = RedFlag(
    "One calf swollen, warm and painful (the skin may look red or darker)",
    "Do not stretch or rub it. Get it checked by a doctor today.",
    "urgent",
)

#: Most urgent first. Shown in `coach cramp --help`, after `coach cramp now`, on the app's
#: red-flag screen and in the README; the first two also at the start of the relief routine.
RED_FLAGS: tuple[RedFlag, ...] = (
    EMERGENCY,
    SWOLLEN_CALF,
    RedFlag(
        "A cramp that lasts longer than 10 minutes",
        "See a doctor about it.",
        "soon",
    ),
    RedFlag(
        "Cramps with numbness, weakness or swelling in your legs or feet",
        "See a doctor about it.",
        "soon",
    ),
    RedFlag(
        "Cramps that began after starting a new medicine",
        "Keep taking it, and ask your doctor or pharmacist.",
        "soon",
    ),
    RedFlag(
        "Calf pain that comes on when you walk and goes after a few minutes' rest",
        "See a doctor; it can be a sign of poor circulation.",
        "soon",
    ),
    RedFlag(
        "Cold, pale or bluish feet, or sores on your feet that do not heal",
        "See a doctor; these can be signs of poor circulation.",
        "soon",
    ),
)

RED_FLAGS_TITLE = "When it may be more than a cramp"


def red_flags_text(width: int = 76) -> str:
    """The red flags as indented plain-text lines, for help texts and the terminal."""
    import textwrap

    lines = [f"{RED_FLAGS_TITLE}:"]
    for flag in RED_FLAGS:
        lines.extend(
            textwrap.wrap(flag.text, width=width, initial_indent="  - ", subsequent_indent="    ")
        )
    return "\n".join(lines)


def relief_warning() -> str:
    """What the relief routine's first step says before anything else: the emergency and the
    swollen calf, which a stretch must not meet."""
    return f"{EMERGENCY.text} {SWOLLEN_CALF.text}"
