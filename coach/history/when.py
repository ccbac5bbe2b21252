"""Reading the time a person gives `coach log --at`: ISO 8601, `HH:MM`, `yesterday [HH:MM]`.

A day without a time of day (`yesterday`, `2024-05-01`) means noon: clearly that day, far from
any midnight or daylight-saving change.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date, datetime, time, timedelta, tzinfo

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_NOON = time(12, 0)
#: Earlier than this is a typing slip, not a session or a cramp.
EARLIEST_YEAR = 1970
FORMS = "ISO 8601 (2024-05-01T07:30), HH:MM (today), 'yesterday HH:MM' or 'yesterday'"


class WhenError(ValueError):
    """A time that cannot be read, or one in the future."""


def parse_when(text: str, now: datetime, zone: tzinfo | None = None) -> datetime:
    """The moment `text` names, as an aware datetime no later than `now`.

    Times without an offset are local: in `zone` when given, else the machine's own zone
    (which knows its daylight-saving rules, so `yesterday 07:30` gets yesterday's offset).
    """
    words = text.strip().lower().split()
    moment = _relative(words, now.date(), zone) if words else None
    if moment is None and len(text.strip()) == 10:
        with suppress(ValueError):
            moment = _local(datetime.combine(date.fromisoformat(text.strip()), _NOON), zone)
    if moment is None:
        try:
            parsed = datetime.fromisoformat(text.strip())
        except ValueError:
            raise WhenError(f"cannot read the time {text!r}; use {FORMS}") from None
        moment = parsed if parsed.utcoffset() is not None else _local(parsed, zone)
    if moment > now:
        raise WhenError(f"{text!r} is in the future; log it once it has happened")
    if moment.year < EARLIEST_YEAR:
        raise WhenError(f"{text!r} is too long ago; coach keeps history from {EARLIEST_YEAR} on")
    return moment


def _relative(words: list[str], today: date, zone: tzinfo | None) -> datetime | None:
    day = today
    if words == ["yesterday"]:
        return _local(datetime.combine(day - timedelta(days=1), _NOON), zone)
    if words[0] in ("today", "yesterday"):
        day -= timedelta(days=words[0] == "yesterday")
        words = words[1:]
    if len(words) != 1:
        return None
    match = _CLOCK.fullmatch(words[0])
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise WhenError(f"{words[0]!r} is not a time of day (00:00 to 23:59)")
    return _local(datetime.combine(day, time(hour, minute)), zone)


def _local(naive: datetime, zone: tzinfo | None) -> datetime:
    if zone is not None:
        return naive.replace(tzinfo=zone)
    try:
        return naive.astimezone()
    except (OverflowError, ValueError, OSError):
        # Beyond what the machine's clock functions can place (the years 1 or 9999).
        raise WhenError(f"{naive.isoformat(' ', 'minutes')} is out of range") from None
