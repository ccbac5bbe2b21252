"""A routine's expanded plan as a table: one row per exercise (or rest), with its time.

The rows come from the timeline rather than the YAML, so what the table promises is what the
session will play: sets, sides, rounds of a repeat, and the rests and preparation between.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from coach import text
from coach.drawing.model import Drawing
from coach.routine.progression import explain
from coach.routine.timeline import Segment, Timeline


@dataclass(frozen=True)
class PlanRow:
    name: str
    amount: str
    sides: str
    seconds: float
    instructions: tuple[str, ...]
    caution: str | None
    round: str
    why: str = ""  # how progression set today's amount, when it did
    drawing: Drawing | None = None


def _sides(work: list[Segment]) -> str:
    sides = list(dict.fromkeys(s.side for s in work if s.side))
    return "both" if len(sides) > 1 else sides[0] if sides else ""


def short_amount(work: Segment) -> str:
    """`30 s`, `10 reps (3-1-3 s)`, `10 reps, own pace`, with `2 × ` in front for sets."""
    if work.reps is not None and work.tempo:
        each = f"{text.reps(work.reps)} ({text.tempo(work.tempo)})"
    elif work.reps is not None:
        # One "rep" is a single thing done at the person's pace, as `amount_text` says it.
        each = "own pace" if work.reps == 1 else f"{text.reps(work.reps)}, own pace"
    else:
        each = text.length(work.duration_s or 0)
    return f"{work.sets} × {each}" if work.sets and work.sets > 1 else each


def plan_rows(timeline: Timeline) -> list[PlanRow]:
    """One row per exercise occurrence or rest step, in playing order."""
    groups: dict[int, list[Segment]] = {}
    for segment in timeline.segments:
        groups.setdefault(segment.group, []).append(segment)
    rows = []
    for segments in groups.values():
        work = [s for s in segments if s.kind == "work"]
        first = work[0] if work else segments[0]
        rounds = f"{first.round}/{first.rounds}" if first.rounds and first.rounds > 1 else ""
        seconds = sum(s.duration_s or 0.0 for s in segments)
        if not work:
            rows.append(PlanRow("Rest", text.length(seconds), "", seconds, (), None, rounds))
            continue
        rows.append(
            PlanRow(
                name=first.name,
                amount=short_amount(first),
                sides=_sides(work),
                seconds=seconds,
                instructions=first.instructions,
                caution=first.caution,
                round=rounds,
                why=explain(first.name, first.growth) if first.growth else "",
                drawing=first.drawing,
            )
        )
    return rows


class PlanTable(DataTable[Text]):
    """The plan, a row per step; the highlighted row's instructions are shown beside it."""

    def __init__(self, timeline: Timeline, *, id: str | None = None, brief: bool = False) -> None:
        """`brief`: number, exercise and amount only, for a narrow place such as the editor's
        side. Either way a long exercise name is cut (with …) to the table's width."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.timeline = timeline
        self.brief = brief
        self.rows_of_plan = plan_rows(timeline)

    def on_mount(self) -> None:
        self._fill()

    def show(self, timeline: Timeline) -> None:
        """Show another plan (the routine changed), keeping the cursor's row where it can."""
        if timeline == self.timeline:
            return
        self.timeline = timeline
        self.rows_of_plan = plan_rows(timeline)
        row = self.cursor_row
        self.clear(columns=True)
        self._fill()
        if self.rows_of_plan:
            self.move_cursor(row=min(row, len(self.rows_of_plan) - 1))

    def _fill(self) -> None:
        with_rounds = any(row.round for row in self.rows_of_plan)
        columns = (
            ["#", "Exercise", "Amount"]
            if self.brief
            else ["#", "Exercise", "Amount", "Sides", "Time"]
        )
        if with_rounds:
            columns.insert(2, "Round")
        rows: list[tuple[str, ...]] = []
        for number, row in enumerate(self.rows_of_plan, start=1):
            cells = [str(number), row.name, row.amount]
            if not self.brief:
                cells.append(row.sides)
                cells.append(text.clock(row.seconds) if row.seconds else "self-paced")
            if with_rounds:
                cells.insert(2, row.round)
            rows.append(tuple(cells))
        if rows and self.size.width:
            rows = text.fit_column(rows, tuple(columns), self.size.width - 2, column=1)
        self.add_columns(*columns)
        for number, shown in enumerate(rows, start=1):
            # As Text: a plain string is read as markup, and a name may hold brackets.
            self.add_row(*(Text(cell, no_wrap=True, end="") for cell in shown), key=str(number))
