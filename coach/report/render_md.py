"""The report and the handout as Markdown: plain text that reads well on a terminal too.

User text is written as it is, with the characters Markdown would read as markup escaped, so
a note such as `<b>x</b>` shows literally in a Markdown viewer as well.
"""

from __future__ import annotations

import re

from coach.report import words
from coach.report.figures import Report
from coach.report.handout import GRID_WEEKS, WEEKDAYS, Handout
from coach.report.words import Chart, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape(value: str) -> str:
    """User text as literal Markdown on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def table(t: Table) -> list[str]:
    align = [("---:" if i in t.right else "---") for i in range(len(t.header))]
    lines = ["| " + " | ".join(t.header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in t.rows]
    return lines


def chart(c: Chart) -> list[str]:
    """A chart in text: each week's values on one line (the table beside it has the rest)."""
    lines = [f"*{c.title}*", ""]
    for i, label in enumerate(c.labels):
        parts = []
        for name, values in c.series:
            value = values[i]
            parts.append(f"{name.lower()} {'-' if value is None else f'{value:g}'}")
        lines.append(f"- {label}: {', '.join(parts)}")
    return lines


def report(r: Report) -> str:
    out = [f"# {words.TITLE}", "", words.period_line(r), ""]
    out += ["## Plan", ""]
    if not r.plan:
        out += [words.NO_PLAN, ""]
    else:
        out += [*table(words.plan_table(r)), ""]
        for entry in r.plan:
            if entry.handout is None:
                continue
            out += [f"**{escape(entry.handout.name)}**, today's doses:", ""]
            out += [f"- {escape(e.name)}: {escape(e.dose)}" for e in entry.handout.exercises]
            out.append("")
    out += ["## Adherence per week", ""]
    if words.has_adherence(r):
        out += [*table(words.adherence_table(r)), "", words.PLAN_NOTE, ""]
    else:
        out += [words.NO_ADHERENCE, ""]
    out += ["## Exercises done", ""]
    out += [*table(words.exercise_table(r)), ""] if r.exercises else [words.NO_EXERCISES, ""]
    out += ["## Feeling and pain", ""]
    if r.has_checkins:
        out += [*table(words.checkin_table(r)), ""]
        notes = words.note_lines(r)
        out += ["Notes:", "", *(f"- {escape(line)}" for line in notes), ""] if notes else []
    else:
        out += [words.NO_CHECKINS, ""]
    out += ["## Cramp diary", ""]
    out += [line for summary in words.cramp_summary(r) for line in (summary, "")]
    if r.cramps.total:
        out += [*chart(words.cramp_chart(r)), "", *table(words.cramp_table(r)), ""]
    out += ["## Warning signs", "", words.WARNING_INTRO, ""]
    out += [f"- {line}" for line in words.warning_lines(r)]
    cautions = words.cautions(r)
    if cautions:
        out += ["", "Cautions of the planned exercises:", ""]
        out += [f"- {escape(name)}: {escape(caution)}" for name, caution in cautions]
    out += ["", "## About this record", "", words.FOOTER, ""]
    return "\n".join(out)


def _doctor() -> list[str]:
    out = [f"## {words.DOCTOR_TITLE}", "", words.DOCTOR_INTRO, "", words.RED_FLAGS_LEAD, ""]
    return [*out, *(f"- {line}" for line in words.red_flag_lines()), ""]


def handout(h: Handout) -> str:
    out = [f"# {escape(h.name)}", "", f"{h.length} · {h.count}"]
    if h.description:
        out += ["", escape(h.description)]
    out.append("")
    if h.relief:
        out += _doctor()
    for n, e in enumerate(h.exercises, 1):
        out += [f"## {n}. {escape(e.name)}", "", f"**{escape(e.dose)}**", ""]
        if e.caution:
            out += [f"Caution: {escape(e.caution)}", ""]
        out += [f"- {escape(line)}" for line in e.instructions]
        out.append("")
    if h.rests:
        out += [f"Also {h.rests}.", ""]
    if h.relief:
        return "\n".join(out)
    out += ["## Days done", "", words.HANDOUT_NOTE, ""]
    out += ["| Week | " + " | ".join(WEEKDAYS) + " |", "|---" * (len(WEEKDAYS) + 1) + "|"]
    out += [f"| {n} |" + " [ ] |" * len(WEEKDAYS) for n in range(1, GRID_WEEKS + 1)]
    out += ["", *_doctor()]
    return "\n".join(out)
