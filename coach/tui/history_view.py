"""What the history screens show, shaped from the store: plain data and words, no Textual.

Every read is a few indexed SQL aggregates (`coach.history.stats`) or a bounded page of
sessions, so ten years of history open as fast as one week. The screens call these from
thread workers and only lay out what comes back. The history's modules load with the first
read, in that worker, not with the home screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from coach import text

if TYPE_CHECKING:
    from coach.history.records import SessionRecord, StepRecord
    from coach.history.store import HistoryStore, Resumable
    from coach.plan import PlannedItem
    from coach.routine.model import Routine
    from coach.routine.timeline import Timeline
    from coach.tui.history_access import HistoryAccess


HOME_WEEKS = 12
#: Sessions the History screen reads at a time; more are read as the cursor nears the end.
PAGE = 100
#: How many of the newest sessions are looked through for one to resume: a resumable session
#: ended less than 12 hours ago, so it is among the last few.
RECENT = 10
#: Shades of a heatmap day: 0 (no completed session), 1, 2, and 3 for three or more.
SHADES = 4
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EMPTY_HISTORY = "No sessions yet — your first one starts the streak."
_EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")


# -- heatmap -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatmapGrid:
    """Weeks as columns (oldest first), Monday to Sunday as rows, ending with today's week."""

    first: date  # the Monday of the first column
    weeks: int
    today: date
    counts: Mapping[date, int] = field(default_factory=dict)

    def day(self, week: int, weekday: int) -> date:
        return self.first + timedelta(days=7 * week + weekday)

    def shade(self, week: int, weekday: int) -> int | None:
        """0 to 3 by completed sessions that day; None for days after today."""
        day = self.day(week, weekday)
        if day > self.today:
            return None
        return min(self.counts.get(day, 0), SHADES - 1)

    def month_labels(self, cell: int) -> str:
        """Month names over the columns where a month begins, `cell` characters a column.

        The first column is labelled too when its name fits before the next one.
        """
        starts: list[tuple[int, int]] = []
        for week in range(self.weeks):
            monday = self.day(week, 0)
            sunday = monday + timedelta(days=6)
            if monday.day == 1 or sunday.month != monday.month:
                starts.append((week * cell, sunday.month))
        first_month = self.first.month
        room = starts[0][0] if starts else self.weeks * cell
        if room >= 4 and (not starts or starts[0][1] != first_month):
            starts.insert(0, (0, first_month))
        width = self.weeks * cell
        line = ""
        for column, month in starts:
            if column < len(line) + (1 if line else 0) or column + 3 > width:
                continue
            line = line.ljust(column) + MONTHS[month - 1]
        return line.ljust(width)


def first_monday(today: date, weeks: int) -> date:
    """The Monday `weeks - 1` weeks before this one: where a heatmap of `weeks` columns starts."""
    from coach.history.stats import week_start

    return week_start(today) - timedelta(weeks=weeks - 1)


def heatmap_grid(counts: Mapping[date, int], today: date, weeks: int) -> HeatmapGrid:
    return HeatmapGrid(first_monday(today, weeks), weeks, today, counts)


def read_heatmap(store: HistoryStore, today: date, weeks: int) -> HeatmapGrid:
    from coach.history.stats import day_counts

    return heatmap_grid(day_counts(store, first_monday(today, weeks), today), today, weeks)


# -- home ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResumeOffer:
    """An interrupted session the home screen offers to go on with."""

    routine: Routine
    session_id: int
    start_index: int
    step: int  # the work step it goes on with, counted from 1
    steps: int  # work steps in the plan

    @property
    def label(self) -> str:
        return f"Resume {self.routine.name} (step {self.step} of {self.steps})"


def offer_for(routine: Routine, timeline: Timeline, found: Resumable) -> ResumeOffer | None:
    """The offer for a resumable session; None when nothing of the plan is left to do."""
    work = timeline.work_segments
    before = sum(1 for segment in work if segment.index < found.start_index)
    if before >= len(work):
        return None
    return ResumeOffer(routine, found.session_id, found.start_index, before + 1, len(work))


def find_offer(
    store: HistoryStore, routines: Sequence[Routine], now: datetime
) -> ResumeOffer | None:
    """The newest interrupted session, among the routines on the shelf, that can go on."""
    by_id = {routine.id: routine for routine in routines}
    from coach.history.recorder import plan_hash
    from coach.routine.timeline import expand

    looked: set[str] = set()
    for session in store.sessions(limit=RECENT):
        routine = by_id.get(session.routine_id)
        if session.status != "partial" or routine is None or routine.id in looked:
            continue
        looked.add(routine.id)
        timeline = expand(routine)
        found = store.find_resumable(routine.id, plan_hash(timeline), now)
        if found is not None:
            return offer_for(routine, timeline, found)
    return None


@dataclass(frozen=True)
class HomeHistory:
    has_sessions: bool
    done_today: bool  # everything planned today has a completed session today
    streak: int
    heatmap: HeatmapGrid
    resume: ResumeOffer | None = None
    today: tuple[PlannedItem, ...] = ()  # today's plan in order, each done or not
    nothing_planned: bool = False  # the schedule has nothing for today


def read_home(
    store: HistoryStore,
    access: HistoryAccess,
    routines: Sequence[Routine] = (),
) -> HomeHistory:
    from coach.plan.tracking import all_done, todays_items

    now = access.now()
    today = now.date()
    items = todays_items(store, access.plan(), today)
    return HomeHistory(
        has_sessions=store.count_sessions() > 0,
        done_today=all_done(items),
        streak=access.streak(store, today),
        heatmap=read_heatmap(store, today, HOME_WEEKS),
        resume=find_offer(store, routines, now),
        today=items,
        nothing_planned=not items,
    )


def plan_line(items: Sequence[PlannedItem], names: Mapping[str, str]) -> str:
    """Today's plan in a line, `07:30 Daily foot care ✓ · 22:00 Bedtime calves ○`; empty
    for a plan of one routine at no set time (the box above already names it)."""
    if len(items) == 1 and items[0].entry.at is None:
        return ""
    parts = []
    for item in items:
        when = item.entry.at_text()
        name = names.get(item.entry.routine, item.entry.routine)
        parts.append(f"{when + ' ' if when else ''}{name} {'✓' if item.done else '○'}")
    return " · ".join(parts)


def home_lines(home: HomeHistory) -> tuple[str, str]:
    """Today's status and the streak, as the home screen's two lines."""
    if not home.has_sessions:
        return EMPTY_HISTORY, ""
    status = "✓ Done today" if home.done_today else "○ Not done yet today"
    if home.nothing_planned:
        status = "· Nothing planned today"
    return status, text.streak(home.streak)


# -- history -------------------------------------------------------------------------------

HISTORY_COLUMNS = ("Date", "Routine", "Status", "Time", "Done", "Skipped")


def read_page(store: HistoryStore, limit: int) -> tuple[list[SessionRecord], int]:
    """The newest `limit` sessions and how many there are in all."""
    return store.sessions(limit=limit), store.count_sessions()


def session_status(record: SessionRecord) -> str:
    return "logged" if record.source == "logged" else record.status


def session_cells(record: SessionRecord) -> tuple[str, ...]:
    """One row of the History table: when, what, how it ended, how long, steps done/skipped."""
    when = record.started.strftime("%Y-%m-%d %H:%M")
    time = text.recorded(record.active_s)
    if record.source == "logged":
        return (when, record.routine_name, "logged", time, "—", "—")
    done = sum(step.status == "done" for step in record.steps)
    skipped = len(record.steps) - done
    return (when, record.routine_name, record.status, time, str(done), str(skipped or ""))


DETAIL_COLUMNS = ("Exercise", "Where", "Planned", "Actual", "Status")


def planned(step: StepRecord) -> str:
    """What the plan asked: a length, reps at the person's own pace, or reps at a tempo."""
    if step.planned_s is None:
        return text.reps(step.reps) if step.reps else "own pace"
    length = text.recorded(step.planned_s)
    return f"{text.reps(step.reps)} · {length}" if step.reps else length


def where(step: StepRecord) -> str:
    """Side, set and round, short (`right, set 1/2`) so the table fits 80 columns."""
    parts = [step.side] if step.side else []
    if step.set is not None and step.sets and step.sets > 1:
        parts.append(f"set {step.set}/{step.sets}")
    if step.round is not None and step.rounds and step.rounds > 1:
        parts.append(f"round {step.round}/{step.rounds}")
    return ", ".join(parts)


STEP_STATUS = {"done": "✓ done", "skipped": "✗ skipped"}


def step_cells(step: StepRecord) -> tuple[str, ...]:
    actual = text.recorded(step.actual_s)
    return (step.name, where(step), planned(step), actual, STEP_STATUS[step.status])


def detail_lines(record: SessionRecord) -> tuple[str, str]:
    """A heading and one line of figures for one session's drill-down."""
    when = record.started.strftime("%a %Y-%m-%d %H:%M")
    heading = f"{record.routine_name} · {when} · {session_status(record)}"
    figures = [
        f"Active {text.recorded(record.active_s)}",
        f"planned {text.recorded(record.planned_s)}",
    ]
    if record.paused_s >= 1:
        figures.append(f"paused {text.recorded(record.paused_s)}")
    if record.source == "logged":
        figures.append("logged by hand: no steps recorded")
    else:
        done = sum(step.status == "done" for step in record.steps)
        skipped = len(record.steps) - done
        # Steps, as the History table counts them; the Finished screen counts exercises.
        figures.append(f"{text.plural(done, 'step')} done, {skipped} skipped")
    return heading, " · ".join(figures)


# -- bars by the week ----------------------------------------------------------------------


def week_label(monday: date) -> str:
    return f"{monday.day} {MONTHS[monday.month - 1]}"


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar of `value` against `top` in `width` cells, to an eighth of a cell.

    Any value above zero shows at least a sliver, so a short week is told from an empty one.
    """
    if value <= 0 or top <= 0 or width <= 0:
        return ""
    eighths = max(1, round(min(value / top, 1.0) * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + _EIGHTHS[part]
