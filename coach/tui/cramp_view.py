"""What the cramp screens show and do, as plain data and words: no Textual.

The log form's time choices and labels, keeping a cramp (with the notice that may follow it),
the weekly trends as rows of bars, today's tip and the red flags. The screens call the reading
and writing functions from thread workers and only lay out what comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coach.cramps.diary import CrampDiary
from coach.cramps.guidance import LOOKBACK_DAYS, RED_FLAGS, Urgency, notice_after_log
from coach.cramps.records import CrampRecord
from coach.cramps.tips import load_tips, tip_of_the_day
from coach.cramps.trends import CrampTrends, WeekCount
from coach.cramps.values import FEET, PLACES, SEVERITY_MAX, SEVERITY_MIN
from coach.history.store import HistoryStore
from coach.history.when import WhenError, parse_when
from coach.tui.history_access import Read
from coach.tui.history_view import bar, week_label

log = logging.getLogger(__name__)

# -- the form ------------------------------------------------------------------------------

#: The choice whose time is typed in the form rather than given by the choice.
OTHER_TIME = "other time"
#: "Last night" is offered as this hour, the small hours when night cramps wake people.
NIGHT_HOUR = 3
#: Earlier moments offered as one key each: (label, minutes before the form opened).
AGO = (("10 min ago", 10), ("30 min ago", 30), ("1 h ago", 60))

FOOT_LABELS: dict[str, str] = {foot: foot for foot in FEET}
PLACE_LABELS: dict[str, str] = {place: place for place in PLACES}
SEVERITY_LABELS: dict[str, str] = {str(n): str(n) for n in range(SEVERITY_MIN, SEVERITY_MAX + 1)}
DURATION_LABELS: dict[str, str] = {
    "under-1-min": "under 1 min",
    "1-10-min": "1–10 min",
    "over-10-min": "over 10 min",
}
CONTEXT_LABELS: dict[str, str] = {
    "night": "at night in bed",
    "exercise": "during or after exercise",
    "sitting": "sitting",
    "standing": "standing",
    "other": "other",
}


@dataclass(frozen=True)
class WhenChoice:
    """One answer to "when": a label and its moment (None: the time typed beside it)."""

    label: str
    moment: datetime | None


def when_choices(now: datetime, relief_start: datetime | None = None) -> list[WhenChoice]:
    """The times the form offers, as of `now`; the relief's start first when there is one.

    Last night's 03:00 is offered once it has passed today, so it is never a day and a night
    ago; any other time is typed.
    """
    choices = []
    if relief_start is not None:
        choices.append(WhenChoice(f"relief began {relief_start:%H:%M}", relief_start))
    choices.append(WhenChoice("now", now))
    choices.extend(WhenChoice(label, now - timedelta(minutes=m)) for label, m in AGO)
    night = now.replace(hour=NIGHT_HOUR, minute=0, second=0, microsecond=0)
    if night <= now:
        choices.append(WhenChoice(f"last night {night:%H:%M}", night))
    choices.append(WhenChoice(OTHER_TIME, None))
    return choices


def read_time(text: str, now: datetime) -> datetime:
    """The moment a typed time names, no later than `now`: a bare `HH:MM` still to come today
    means last night's. Everything `coach cramp log --at` reads is read (`yesterday 23:40`)."""
    if not text.strip():
        raise WhenError("type the time it happened, such as 03:10")
    try:
        return parse_when(text, now, now.tzinfo)
    except WhenError as first:
        try:
            return parse_when(f"yesterday {text}", now, now.tzinfo)
        except WhenError:
            raise first from None


def moment_of(choice: WhenChoice, typed: str, now: datetime) -> datetime:
    """When the cramp happened, by the chosen answer (or the time typed for `other time`)."""
    return choice.moment if choice.moment is not None else read_time(typed, now)


# -- keeping a cramp -----------------------------------------------------------------------


@dataclass(frozen=True)
class LoggedCramp:
    """A cramp just kept, the calm notice to show after it (if any), and what the history
    said while it was opened (a damaged file moved aside, say)."""

    record: CrampRecord
    notice: str | None = None
    history_notices: tuple[str, ...] = ()


def log_cramp(record: CrampRecord, now: datetime) -> Read[LoggedCramp]:
    """Keep `record` in the history (made if need be) and look for a pattern worth a notice.

    Meant for a thread worker: a failure is described, never raised.
    """
    try:
        with HistoryStore.open() as store:
            diary = CrampDiary(store)
            saved = diary.log(record)
            recent = diary.cramps(since=now - timedelta(days=LOOKBACK_DAYS))
            notice = notice_after_log(recent, now)
            return Read(LoggedCramp(saved, notice, tuple(store.notices)))
    except Exception as exc:
        log.exception("logging a cramp failed")
        return Read(None, problem=f"The cramp was not saved: {exc}")


def logged_line(record: CrampRecord) -> str:
    """`03:10 · calf, both feet, 5/10, under a minute`: what the toast after saving says."""
    return f"{record.moment:%H:%M} · {record.describe()}"


# -- trends --------------------------------------------------------------------------------

TRENDS_TITLE = "Cramps and sessions per week"
NO_CRAMPS = "No cramps logged yet. Press c to log one."
_LABEL = 6  # "23 Feb"
_COUNT = 3  # the figure after each bar: " 12"
_GAP = 3  # between the two columns
#: Beyond this a bar shows no more and only pushes the second column away.
MAX_TREND_BAR = 24


@dataclass(frozen=True)
class TrendRow:
    """One week of the trends chart: the week, and a bar with its figure for each count."""

    label: str
    cramp_bar: str
    cramps: int
    session_bar: str
    sessions: int


def read_trends(store: HistoryStore, today: date) -> CrampTrends:
    return CrampDiary(store).trends(today)


def trend_bar_width(width: int) -> int:
    """How wide each of the two bars may be in `width` cells: label, two bars, two figures."""
    room = width - (_LABEL + 1) - 2 * _COUNT - _GAP
    return max(1, min(MAX_TREND_BAR, room // 2))


def trend_rows(weeks: Sequence[WeekCount], bar_width: int) -> list[TrendRow]:
    """The weeks as rows, each kind of count scaled to its own busiest week."""
    top_cramps = max((w.cramps for w in weeks), default=0)
    top_sessions = max((w.sessions for w in weeks), default=0)
    return [
        TrendRow(
            week_label(w.start),
            bar(w.cramps, top_cramps, bar_width),
            w.cramps,
            bar(w.sessions, top_sessions, bar_width),
            w.sessions,
        )
        for w in weeks
    ]


def trends_heading(bar_width: int) -> str:
    """The column titles over `trend_rows`, each over its bar."""
    return " " * (_LABEL + 1) + "cramps".ljust(bar_width + _COUNT + _GAP) + "sessions"


def trend_line(row: TrendRow, bar_width: int) -> tuple[str, str, str, str, str]:
    """A row as its five pieces of text (label, bar, figure, bar, figure), padded to line up."""
    return (
        f"{row.label:>{_LABEL}} ",
        row.cramp_bar.ljust(bar_width),
        f" {row.cramps:>{_COUNT - 1}}" + " " * _GAP,
        row.session_bar.ljust(bar_width),
        f" {row.sessions:>{_COUNT - 1}}",
    )


def trends_sentence(trends: CrampTrends) -> str:
    """The words under the chart: counts side by side, never a cause."""
    if trends.comparison.state == "no-cramps":
        return NO_CRAMPS
    return trends.comparison.sentence()


# -- tips and red flags --------------------------------------------------------------------


@dataclass(frozen=True)
class DailyTip:
    """Today's tip (empty when there is none) and what was wrong in the tip files."""

    text: str
    problems: tuple[str, ...] = ()


def read_tip(day: date) -> DailyTip:
    """The tip for `day`, read from the tip files; a problem to show rather than raise."""
    try:
        book = load_tips()
    except Exception as exc:
        log.exception("reading the tips failed")
        return DailyTip("", (f"Tips are not available: {exc}",))
    problems = tuple(str(problem) for problem in book.problems)
    if not book.tips:
        return DailyTip("", problems)
    return DailyTip(f"Tip: {tip_of_the_day(book.tips, day)}", problems)


def red_flag_lines() -> list[tuple[str, Urgency]]:
    """Each red flag as one sentence pair, most urgent first, with how urgent it is."""
    return [(f"{flag.sign}. {flag.action}", flag.urgency) for flag in RED_FLAGS]
