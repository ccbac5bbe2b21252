"""Check-ins: how a session felt, pain or tightness after it, and a note, as the person said.

A check-in belongs to one session (at most one each; saying it again replaces it). Every answer
may be left out, so "not given" is None, never a made-up middle value. The weekly figures and
the pain alert here are pure functions over (day, check-in) rows, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, Protocol

from coach.history.weeks import week_start
from coach.text import printable

Feeling = Literal["easy", "right", "hard"]
FEELINGS: tuple[Feeling, ...] = ("easy", "right", "hard")
#: What each feeling is called where people read it, in the order of the keys 1, 2, 3.
FEELING_WORDS: dict[Feeling, str] = {"easy": "easy", "right": "about right", "hard": "hard"}
PAIN_MAX = 10
#: Pain reported at least this high in two sessions in a row is worth a calm word.
PAIN_ALERT = 7
NOTE_MAX = 500
#: The bundled routine to suggest when pain does not settle: the gentlest one.
GENTLER_ROUTINE = "foot-beginner"
#: Said calmly when pain stays high (wording grounded as docs/exercise-sources.md says).
PAIN_ADVICE = (
    "You reported pain of 7 or more after your last two sessions. Pain that does not settle "
    "is worth showing to a doctor or physiotherapist. Until then, the gentler routine "
    f"({GENTLER_ROUTINE}) may suit you better, and it is always fine to stop an exercise that "
    "hurts."
)
#: How many of the newest check-ins are enough to find the last two that gave a pain figure.
_LOOKBACK = 50


#: What the person answered: feeling, pain and note, each None when not given.
Answers = tuple[Feeling | None, int | None, str | None]


class CheckInError(ValueError):
    """An answer that is not one of the allowed values; the message names them."""


@dataclass(frozen=True)
class CheckIn:
    """The answers after one session; `at` is when they were given (with its offset)."""

    feeling: Feeling | None
    pain: int | None
    note: str | None
    at: datetime

    @property
    def empty(self) -> bool:
        return self.feeling is None and self.pain is None and self.note is None

    def to_json(self) -> dict[str, Any]:
        """The check-in as `coach history --json` and `coach export` write it (a contract)."""
        return {
            "feeling": self.feeling,
            "pain": self.pain,
            "note": self.note,
            "at": self.at.isoformat(timespec="milliseconds"),
        }

    def brief(self) -> str:
        """`hard, pain 5/10` (or `note` when only a note was given): for tables."""
        parts = []
        if self.feeling is not None:
            parts.append(FEELING_WORDS[self.feeling])
        if self.pain is not None:
            parts.append(f"pain {self.pain}/10")
        return ", ".join(parts) or ("note" if self.note else "")

    def describe(self) -> str:
        """`hard, pain 5/10: calf tight` - the words the History screen and `coach history` use."""
        said = self.brief() if self.feeling is not None or self.pain is not None else ""
        if self.note:
            said = f"{said}: {self.note}" if said else self.note
        return said or "no answers"


def read_feeling(value: object) -> Feeling | None:
    """`easy`, `right` or `hard` (None stays None); CheckInError naming them otherwise."""
    if value is None:
        return None
    if value not in FEELINGS:
        raise CheckInError(f"feeling must be one of {', '.join(FEELINGS)}, got {value!r}")
    return value


def read_pain(value: object) -> int | None:
    """A whole number from 0 to 10 (text digits allowed; None stays None)."""
    if value is None:
        return None
    number: object = value
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= PAIN_MAX:
        raise CheckInError(f"pain must be a whole number from 0 to {PAIN_MAX}, got {value!r}")
    return number


def read_note(value: object) -> str | None:
    """One line of text, trimmed, with no control characters; blank is no note."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise CheckInError(f"note must be text, got {value!r}")
    if len(value) > NOTE_MAX:
        raise CheckInError(f"note must be at most {NOTE_MAX} characters, got {len(value)}")
    line = " ".join(printable(value).split())
    return line or None


def checkin_from_json(data: object, where: str = "checkin") -> CheckIn | None:
    """A check-in from its JSON form (None for `null`); CheckInError naming `where`."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise CheckInError(f"{where}: expected an object or null")
    unknown = sorted(set(data) - {"feeling", "pain", "note", "at"})
    if unknown:
        raise CheckInError(f"{where}: unknown field {unknown[0]!r}")
    try:
        at = datetime.fromisoformat(str(data["at"]))
    except (KeyError, ValueError):
        raise CheckInError(f"{where}.at: expected an ISO 8601 time with an offset") from None
    if at.utcoffset() is None:
        raise CheckInError(f"{where}.at: expected an ISO 8601 time with an offset")
    try:
        return CheckIn(
            read_feeling(data.get("feeling")),
            read_pain(data.get("pain")),
            read_note(data.get("note")),
            at,
        )
    except CheckInError as exc:
        raise CheckInError(f"{where}: {exc}") from None


DatedCheckIn = tuple[date, CheckIn]


class CheckInSource(Protocol):
    """Anything that lists check-ins by session day, oldest first (the history store does)."""

    def dated_checkins(self, since: date | None = None) -> list[DatedCheckIn]: ...


@dataclass(frozen=True)
class WeekCheckins:
    """One Monday week of check-ins: `sessions` is how many sessions were checked in."""

    week: date
    sessions: int
    hard: int
    pain_mean: float | None
    pain_max: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.week.isoformat(),
            "sessions": self.sessions,
            "hard": self.hard,
            "pain_mean": self.pain_mean,
            "pain_max": self.pain_max,
        }


def weekly_checkins(
    source: CheckInSource | Iterable[DatedCheckIn], today: date, weeks: int = 12
) -> list[WeekCheckins]:
    """Check-ins per Monday week, the `weeks` weeks up to `today`'s, newest last.

    A week without check-ins has zeros and no pain figures; the mean is rounded to 0.1.
    """
    first = week_start(today) - timedelta(weeks=weeks - 1)
    rows = source.dated_checkins(first) if hasattr(source, "dated_checkins") else source
    by_week: dict[date, list[CheckIn]] = {first + timedelta(weeks=n): [] for n in range(weeks)}
    for day, checkin in rows:
        week = week_start(day)
        if week in by_week:
            by_week[week].append(checkin)
    result = []
    for week, checkins in by_week.items():
        pains = [c.pain for c in checkins if c.pain is not None]
        result.append(
            WeekCheckins(
                week=week,
                sessions=len(checkins),
                hard=sum(1 for c in checkins if c.feeling == "hard"),
                pain_mean=round(sum(pains) / len(pains), 1) if pains else None,
                pain_max=max(pains) if pains else None,
            )
        )
    return result


def pain_persists(checkins: Sequence[CheckIn]) -> bool:
    """True when the last two check-ins that gave a pain figure (oldest first) were both 7+.

    Sessions checked in without a pain figure neither start nor break the run: nothing is
    known about them.
    """
    pains = [c.pain for c in checkins if c.pain is not None]
    return len(pains) >= 2 and min(pains[-2:]) >= PAIN_ALERT


class CheckInStore(Protocol):
    """Where check-ins are kept (the history store)."""

    def set_checkin(self, session_id: int, checkin: CheckIn) -> None: ...

    def recent_checkins(self, limit: int, routine: str | None = None) -> list[CheckIn]: ...


def pain_alert(store: CheckInStore) -> bool:
    """Whether pain has stayed at 7 or more over the last two sessions that gave it."""
    return pain_persists(store.recent_checkins(_LOOKBACK))


def save_checkin(store: CheckInStore, session_id: int, checkin: CheckIn) -> bool:
    """Keep the check-in; True when it is the one that makes pain persist (say so once)."""
    before = pain_alert(store)
    store.set_checkin(session_id, checkin)
    return not before and pain_alert(store)
