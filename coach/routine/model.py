"""The parsed routine: plain frozen dataclasses, built by the loader and read by the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from coach.drawing.model import Drawing

Side = Literal["left", "right"]
Sides = Literal["none", "left", "right", "both"]
SegmentKind = Literal["prepare", "work", "rest", "switch"]

#: The format's limits on counts: sets of a step, reps of a step, times round a `repeat` block.
MAX_SETS = 100
MAX_REPS = 1000
MAX_REPEAT = 1000
#: A `progress:` key's limits: the longest wait between two growths of a step (a year of
#: completed days), and the most hard sessions in a row anyone should push through before
#: it backs off (`back_off_after`).
MAX_EVERY_DAYS = 365
MAX_BACK_OFF_AFTER = 20

#: Tempo phase names, in the order a person usually meets them.
TEMPO_PHASES = ("up", "hold", "down", "pause")

#: Sound events a routine can name; each defaults to the bundled sound of the same name.
SOUND_EVENTS = ("prepare", "start", "countdown", "halfway", "tempo", "switch", "rest", "finish")


@dataclass(frozen=True)
class Exercise:
    """An entry of the exercise library (`routines/exercises.yaml`)."""

    id: str
    name: str
    instructions: tuple[str, ...] = ()
    caution: str | None = None
    sides: Sides = "none"
    drawing: Drawing | None = None  # the bundled one of the same id unless the entry names one


@dataclass(frozen=True)
class TempoPhase:
    name: str
    seconds: float


@dataclass(frozen=True)
class Progression:
    """How a step grows with practice: `add` more every `every_days` days on which the routine
    was completed, up to `limit`. `add` and `limit` are seconds for a timed hold, reps for
    repetitions. It listens to check-ins too (see `coach.routine.progression`)."""

    every_days: int
    add: float
    limit: float
    line: int = 0
    #: The step holds while the newest check-in reports pain at least this (0 to 10) ...
    hold_if_pain: int = 4
    #: ... or "hard"; this many "hard" check-ins in a row take it back by one `add`.
    back_off_after: int = 3


@dataclass(frozen=True)
class Growth:
    """What a step's progression made of it for today, kept so screens can say why."""

    progression: Progression
    unit: Literal["s", "reps"]  # seconds of a timed hold, or repetitions
    written: float  # the value in the file
    today: float
    increments: int  # how many times `add` was earned (before the cap)
    completed_days: int  # the days that counted (days played while held do not)
    held: bool = False  # not growing: the newest check-in reported pain or a hard session
    reason: str | None = None  # why it is held or stepped back, in words


@dataclass(frozen=True)
class ExerciseStep:
    """One exercise as a routine uses it: the library entry merged with the step's overrides."""

    name: str
    exercise_id: str | None
    instructions: tuple[str, ...]
    caution: str | None
    duration: float | None  # a timed hold, or None for reps
    reps: int | None
    tempo: tuple[TempoPhase, ...]  # empty: no tempo
    sides: Sides
    sets: int
    switch: float
    prepare: float
    rest: float
    line: int = 0  # 1-based line of the step in its file, for messages
    progress: Progression | None = None
    growth: Growth | None = None  # set by `progression.apply`: today's values and why
    drawing: Drawing | None = None

    @property
    def self_paced(self) -> bool:
        return self.duration is None and not self.tempo


@dataclass(frozen=True)
class RestStep:
    duration: float
    line: int = 0


@dataclass(frozen=True)
class RepeatBlock:
    times: int
    rest: float
    steps: tuple[Step, ...]
    line: int = 0


Step = ExerciseStep | RestStep | RepeatBlock


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    steps: tuple[Step, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    prepare: float = 5.0
    rest: float = 0.0
    switch: float = 5.0
    sounds: dict[str, str | None] = field(default_factory=dict)
    path: Path | None = None
