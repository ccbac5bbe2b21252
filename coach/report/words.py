"""The report's words, tables and charts as plain data, said once for every format.

Markdown, HTML and PDF lay out exactly these sections, rows and series, so the three say the
same thing. Pure core: no document or chart library here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from coach import text
from coach.cramps.guidance import RED_FLAGS, RED_FLAGS_TITLE, WHEN_TO_SEE_A_DOCTOR
from coach.cramps.values import CONTEXT_WORDS, DURATION_WORDS
from coach.report.figures import Report, WeekFigures
from coach.report.handout import GRID_WEEKS

#: Chart colours that stay apart in grey print: a dark blue and a light orange.
COLOURS = ("#1f4e79", "#e8a33d", "#7a7a7a")
TITLE = "Foot and calf exercise record"
HANDOUT_NOTE = (
    f"Tick a box each day you do the routine away from the computer ({GRID_WEEKS} weeks)."
)
#: The handout's safety section: the app's own words from `coach.cramps.guidance`.
DOCTOR_TITLE = "When to see a doctor"
DOCTOR_INTRO = WHEN_TO_SEE_A_DOCTOR
RED_FLAGS_LEAD = f"{RED_FLAGS_TITLE}:"
NO_PLAN = "No plan: no routine is planned in coach's settings."
NO_ADHERENCE = (
    "No adherence to show: no session is recorded yet, or nothing was planned in this period."
)
NO_EXERCISES = "No exercise was recorded in this period."
NO_CHECKINS = "No check-ins yet: how sessions felt was not recorded in this period."
NO_CRAMPS = "No cramps were logged in this period."
PLAN_NOTE = (
    "Planned counts use the plan as it is today, from the first recorded session on; a planned"
    " routine counts as completed when a whole session of it was started that day."
)
FOOTER = (
    "This record was kept by the person it describes, with coach, a free exercise timer for"
    " gentle foot and calf routines. It shows what they planned, what they did, how it felt"
    " and when cramps came, as they recorded it. It is not a diagnosis, coach is not a medical"
    " device, and the exercises are not a treatment for any condition."
)
WARNING_INTRO = (
    "Cramps are common and usually harmless. These signs need a doctor's attention, whatever"
    " this record shows:"
)


def day(moment: date) -> str:
    """`14 Nov 2026`: unambiguous in every country."""
    return f"{moment.day} {moment:%b %Y}"


def week_label(monday: date) -> str:
    return f"{monday.day} {monday:%b}"


def period_line(report: Report) -> str:
    made = report.made
    return (
        f"From {day(report.period.start)} to {day(report.period.end)}."
        f" Made on {day(made.date())} at {made:%H:%M}."
    )


def share(part: int, whole: int) -> str:
    """`30 of 35 (86%)`, or `-` when nothing was planned."""
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "-"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[int] = frozenset()  # columns aligned right (numbers)


@dataclass(frozen=True)
class Chart:
    """Grouped bars per week: one series of values per name, `None` where nothing is known."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    top: float | None = None  # a fixed top of the scale (pain is out of 10)

    @property
    def scale_top(self) -> float:
        """The fixed top, else the largest value rounded up to an even whole number, so the
        halfway line falls on a whole number too."""
        if self.top is not None:
            return self.top
        values = [v for _, series in self.series for v in series if v is not None]
        return float(max(2, math.ceil(max(values, default=0) / 2) * 2))


def plan_table(report: Report) -> Table:
    rows = []
    for entry in report.plan:
        plan = entry.entry
        name = entry.handout.name if entry.handout else f"{plan.routine} ({entry.problem})"
        handout = entry.handout
        length = "-" if handout is None else handout.total + (text.OWN_PACE * handout.self_paced)
        rows.append((name, plan.days_text(), plan.at_text() or "any time", length))
    return Table(("Routine", "Days", "Time", "Length"), tuple(rows))


def adherence_table(report: Report) -> Table:
    rows = [
        (
            week_label(w.week),
            str(w.planned),
            str(w.completed),
            share(w.completed, w.planned),
        )
        for w in report.weeks
    ]
    planned = sum(w.planned for w in report.weeks)
    completed = sum(w.completed for w in report.weeks)
    rows.append(("All weeks", str(planned), str(completed), share(completed, planned)))
    return Table(("Week of", "Planned", "Completed", "Share"), tuple(rows), frozenset({1, 2, 3}))


def has_adherence(report: Report) -> bool:
    return any(w.planned for w in report.weeks)


def adherence_chart(report: Report) -> Chart:
    return Chart(
        "Planned and completed sessions per week",
        _labels(report.weeks),
        (
            ("Planned", tuple(float(w.planned) for w in report.weeks)),
            ("Completed", tuple(float(w.completed) for w in report.weeks)),
        ),
    )


def exercise_table(report: Report) -> Table:
    rows = tuple(
        (
            e.name,
            e.side or "-",
            str(e.done),
            str(e.skipped),
            text.recorded(e.planned_s) if e.timed else "own pace",
            text.recorded(e.actual_s),
        )
        for e in report.exercises
    )
    return Table(
        ("Exercise", "Side", "Done", "Skipped", "Planned", "Actual"),
        rows,
        frozenset({2, 3, 4, 5}),
    )


def checkin_table(report: Report) -> Table:
    def pain(value: float | int | None) -> str:
        return "-" if value is None else f"{value:.1f}" if isinstance(value, float) else str(value)

    rows = []
    for w in report.weeks:
        c = w.checkins
        if c is None or not c.sessions:
            rows.append((week_label(w.week), "0", "-", "-", "-"))
        else:
            rows.append(
                (
                    week_label(w.week),
                    str(c.sessions),
                    str(c.hard),
                    pain(c.pain_mean),
                    pain(c.pain_max),
                )
            )
    return Table(
        ("Week of", "Check-ins", "Felt hard", "Pain, mean", "Pain, worst"),
        tuple(rows),
        frozenset({1, 2, 3, 4}),
    )


def pain_chart(report: Report) -> Chart:
    def values(pick: str) -> tuple[float | None, ...]:
        out: list[float | None] = []
        for w in report.weeks:
            c = w.checkins
            value = None if c is None else getattr(c, pick)
            out.append(None if value is None else float(value))
        return tuple(out)

    return Chart(
        "Pain or tightness after sessions (0 to 10)",
        _labels(report.weeks),
        (("Mean", values("pain_mean")), ("Worst", values("pain_max"))),
        top=10.0,
    )


def note_lines(report: Report) -> list[str]:
    lines = []
    for n in report.notes:
        said = [
            f"felt {n.feeling}" if n.feeling else "",
            "" if n.pain is None else f"pain {n.pain}/10",
        ]
        how = ", ".join(part for part in said if part)
        lines.append(f"{day(n.day)}, {n.routine}{f' ({how})' if how else ''}: {n.note}")
    return lines


def cramp_chart(report: Report) -> Chart:
    return Chart(
        "Cramps and completed routine sessions per week",
        _labels(report.weeks),
        (
            ("Cramps", tuple(float(w.cramps) for w in report.weeks)),
            ("Sessions", tuple(float(w.sessions) for w in report.weeks)),
        ),
    )


def cramp_summary(report: Report) -> list[str]:
    """A few lines: how many, night or day, where, how bad and how long."""
    cramps = report.cramps
    if not cramps.total:
        return [NO_CRAMPS]
    day_count = cramps.total - cramps.night
    plural = "cramp" if cramps.total == 1 else "cramps"
    severities = [c.severity for c in cramps.entries]
    mean = sum(severities) / len(severities)
    where = ", ".join(f"{place} {n}" for place, n in cramps.counts(lambda c: c.where))
    foot = ", ".join(f"{side} {n}" for side, n in cramps.counts(lambda c: c.foot))
    long = ", ".join(f"{DURATION_WORDS[d]} {n}" for d, n in cramps.counts(lambda c: c.duration))
    return [
        f"{cramps.total} {plural}: {cramps.night} at night, {day_count} by day.",
        f"Where: {where}. Foot: {foot}.",
        f"Severity out of 10: mean {mean:.1f}, worst {max(severities)}. How long: {long}.",
    ]


def cramp_table(report: Report) -> Table:
    rows = tuple(
        (
            f"{day(c.day)} {c.moment:%H:%M}",
            c.foot,
            c.where,
            f"{c.severity}/10",
            DURATION_WORDS[c.duration],
            CONTEXT_WORDS[c.context] if c.context != "other" else "-",
            c.note or "",
        )
        for c in report.cramps.entries
    )
    return Table(("When", "Foot", "Where", "Severity", "How long", "Situation", "Note"), rows)


def warning_lines(report: Report) -> list[str]:
    return [flag.text for flag in report.warning_signs]


def red_flag_lines() -> list[str]:
    """The red flags as the handout prints them, each as the app shows it."""
    return [flag.text for flag in RED_FLAGS]


def cautions(report: Report) -> list[tuple[str, str]]:
    """Each planned exercise's caution once, as (exercise, caution)."""
    seen: dict[str, str] = {}
    for entry in report.plan:
        for exercise in entry.handout.exercises if entry.handout else ():
            if exercise.caution and exercise.name not in seen:
                seen[exercise.name] = exercise.caution
    return list(seen.items())


def _labels(weeks: tuple[WeekFigures, ...]) -> tuple[str, ...]:
    return tuple(week_label(w.week) for w in weeks)
