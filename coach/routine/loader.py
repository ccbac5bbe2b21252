"""Turning a routine file (or the exercise library) into model objects, or precise problems.

Every rule of routine format v1 is checked here, and every mistake is reported with the line and
column of the value at fault, so a person editing YAML by hand is told exactly what to change.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node

from coach.drawing.bundled import bundled_drawings
from coach.problems import FileProblems, Problem, shown
from coach.routine.drawing_key import read_drawing
from coach.routine.model import (
    MAX_REPEAT,
    MAX_REPS,
    MAX_SETS,
    SOUND_EVENTS,
    TEMPO_PHASES,
    Exercise,
    ExerciseStep,
    RepeatBlock,
    RestStep,
    Routine,
    Sides,
    Step,
    TempoPhase,
)
from coach.routine.progress_key import read_progress
from coach.routine.progression import fully_grown
from coach.routine.timeline import TimelineTooLong, check_size
from coach.yamlfile import NodeReader, compose, read_node, read_text

ROUTINE_KEYS = ("name", "description", "tags", "prepare", "rest", "switch", "sounds", "steps")
EXERCISE_STEP_KEYS = (
    "exercise", "name", "instructions", "caution", "duration", "reps", "tempo",
    "sides", "sets", "switch", "prepare", "rest", "progress",
)  # fmt: skip
REPEAT_KEYS = ("repeat", "rest", "steps")
REST_KEYS = ("rest",)
_ANY_STEP_KEYS = frozenset(EXERCISE_STEP_KEYS + REPEAT_KEYS + REST_KEYS)
#: Keys that make a step an exercise step even without `name` or `exercise`.
_EXERCISE_ONLY_KEYS = frozenset(EXERCISE_STEP_KEYS) - {"rest"}
EXERCISE_KEYS = ("name", "instructions", "caution", "sides", "drawing")
SIDES: tuple[Sides, ...] = ("none", "left", "right", "both")
#: How messages name the file a routine is read from.
ROUTINE_FILE = "a routine file"


@dataclass(frozen=True)
class Defaults:
    """Routine-level values a step falls back on."""

    prepare: float = 5.0
    rest: float = 0.0
    switch: float = 5.0


def load_routine(
    path: Path,
    exercises: Mapping[str, Exercise],
    sound_names: Collection[str] | None = None,
    routine_id: str | None = None,
) -> Routine:
    """Read and check one routine file. Raises FileProblems with the problems found (at most
    `MAX_PROBLEMS` of them, in file order)."""
    text = read_text(path, ROUTINE_FILE)
    return parse_routine(text, str(path), exercises, sound_names, routine_id or path.stem, path)


def parse_routine(
    text: str,
    name: str,
    exercises: Mapping[str, Exercise],
    sound_names: Collection[str] | None = None,
    routine_id: str = "routine",
    path: Path | None = None,
) -> Routine:
    """`load_routine` for text already read; `name` is the path that messages show."""
    root = compose(text, name, ROUTINE_FILE)
    reader = NodeReader(name)
    if root is None:
        message = "the file is empty; a routine needs at least `name` and `steps`"
        raise FileProblems([Problem(name, 1, 1, message)])
    routine = _RoutineReader(reader, exercises, sound_names).routine(root, routine_id, path)
    if reader.problems or routine is None:
        raise FileProblems(reader.problems or [Problem(name, 1, 1, "not a routine")])
    return routine


class _RoutineReader:
    def __init__(
        self,
        reader: NodeReader,
        exercises: Mapping[str, Exercise],
        sound_names: Collection[str] | None,
    ) -> None:
        self.r = reader
        self.exercises = exercises
        self.sound_names = sound_names

    def routine(self, root: Node, routine_id: str, path: Path | None) -> Routine | None:
        fields = self.r.mapping(root, "a routine", ROUTINE_KEYS)
        if fields is None:
            return None
        for required in ("name", "steps"):
            if required not in fields:
                self.r.error(root, f"a routine needs `{required}`")
        name = self._text(fields, "name", "`name`")
        defaults = Defaults(
            prepare=self._duration(fields, "prepare", Defaults.prepare),
            rest=self._duration(fields, "rest", Defaults.rest),
            switch=self._duration(fields, "switch", Defaults.switch),
        )
        tags: tuple[str, ...] = ()
        if "tags" in fields:
            tags = self.r.text_list(fields["tags"][1], "`tags`") or ()
        steps: tuple[Step, ...] = ()
        if "steps" in fields:
            steps = self.steps(fields["steps"][1], defaults, "`steps`")
        if name is None or self.r.problems:
            return None
        if "steps" in fields:
            problem = _size_problem(steps)
            if problem:
                self.r.error(fields["steps"][0], problem)
                return None
        return Routine(
            id=routine_id,
            name=name,
            steps=steps,
            description=self._text(fields, "description", "`description`") or "",
            tags=tags,
            prepare=defaults.prepare,
            rest=defaults.rest,
            switch=defaults.switch,
            sounds=self._sounds(fields["sounds"][1]) if "sounds" in fields else {},
            path=path,
        )

    def _text(self, fields: dict[str, tuple[Node, Node]], key: str, what: str) -> str | None:
        return self.r.text(fields[key][1], what) if key in fields else None

    def _duration(self, fields: dict[str, tuple[Node, Node]], key: str, default: float) -> float:
        if key not in fields:
            return default
        value = self.r.duration(fields[key][1], f"`{key}`", allow_zero=True)
        return default if value is None else value

    def _sounds(self, node: Node) -> dict[str, str | None]:
        fields = self.r.mapping(node, "`sounds`", SOUND_EVENTS) or {}
        sounds: dict[str, str | None] = {}
        for event, (_, value) in fields.items():
            if value.tag == "tag:yaml.org,2002:null":
                sounds[event] = None
                continue
            sound = self.r.text(value, f"the sound for `{event}`")
            if sound is None:
                continue
            if sound == "none":
                sounds[event] = None
            elif self.sound_names is not None and sound not in self.sound_names:
                available = ", ".join(sorted(self.sound_names))
                self.r.error(value, f"unknown sound {shown(sound)}; available: {available}, none")
            else:
                sounds[event] = sound
        return sounds

    def steps(self, node: Node, defaults: Defaults, what: str) -> tuple[Step, ...]:
        items = self.r.sequence(node, what)
        if items is None:
            return ()
        if not items:
            self.r.error(node, f"{what} must list at least one step")
            return ()
        steps: list[Step] = []
        for item in items:
            if self.r.gave_up:
                break
            step = self.step(item, defaults)
            if step is not None:
                steps.append(step)
        return tuple(steps)

    def step(self, node: Node, defaults: Defaults) -> Step | None:
        keys = {key for key, _, _ in self.r.items(node)}
        if "repeat" in keys:
            return self.repeat(node, defaults)
        if keys & _EXERCISE_ONLY_KEYS:
            return self.exercise_step(node, defaults)
        if "rest" in keys:
            fields = self.r.mapping(node, "a rest step", REST_KEYS)
            if fields is None or "rest" not in fields:
                return None
            seconds = self.r.duration(fields["rest"][1], "`rest`")
            return None if seconds is None else RestStep(seconds, node.start_mark.line + 1)
        # Neither kind: name the unknown keys (with suggestions) as well as what a step needs.
        if self.r.mapping(node, "a step", _ANY_STEP_KEYS) is not None:
            self.r.error(
                node,
                "a step needs `exercise` or `name` (an exercise), `rest` (a pause)"
                " or `repeat` (a block of steps)",
            )
        return None

    def repeat(self, node: Node, defaults: Defaults) -> RepeatBlock | None:
        fields = self.r.mapping(node, "a repeat block", REPEAT_KEYS)
        if fields is None:
            return None
        times = self.r.whole(fields["repeat"][1], "`repeat`", 1, MAX_REPEAT)
        rest = self._duration(fields, "rest", 0.0)
        if "steps" not in fields:
            self.r.error(node, "a repeat block needs `steps`")
            return None
        steps = self.steps(fields["steps"][1], defaults, "the block's `steps`")
        if times is None or not steps:
            return None
        return RepeatBlock(times, rest, steps, node.start_mark.line + 1)

    def exercise_step(self, node: Node, defaults: Defaults) -> ExerciseStep | None:
        fields = self.r.mapping(node, "an exercise step", EXERCISE_STEP_KEYS)
        if fields is None:
            return None
        problems_before = len(self.r.problems)
        if "name" not in fields and "exercise" not in fields:
            self.r.error(
                node, "an exercise step needs `exercise` (an id from the library) or `name`"
            )
        base = self._library_entry(fields)
        name = self._text(fields, "name", "`name`") or (base.name if base else None)
        instructions = base.instructions if base else ()
        if "instructions" in fields:
            instructions = self.r.text_list(fields["instructions"][1], "`instructions`") or ()
        sides: Sides = base.sides if base else "none"
        if "sides" in fields:
            chosen = self.r.choice(fields["sides"][1], "`sides`", SIDES)
            sides = next((s for s in SIDES if s == chosen), sides)
        duration, reps, tempo = self._amount(node, fields)
        progress = None
        if "progress" in fields:
            progress = read_progress(self.r, fields["progress"][1], duration, reps)
        sets = 1
        if "sets" in fields:
            sets = self.r.whole(fields["sets"][1], "`sets`", 1, MAX_SETS) or 1
        if name is None or len(self.r.problems) > problems_before:
            return None
        return ExerciseStep(
            name=name,
            exercise_id=base.id if base else None,
            drawing=base.drawing if base else None,
            instructions=instructions,
            caution=self._text(fields, "caution", "`caution`") or (base.caution if base else None),
            duration=duration,
            reps=reps,
            tempo=tempo,
            sides=sides,
            sets=sets,
            switch=self._duration(fields, "switch", defaults.switch),
            prepare=self._duration(fields, "prepare", defaults.prepare),
            rest=self._duration(fields, "rest", defaults.rest),
            line=node.start_mark.line + 1,
            progress=progress,
        )

    def _library_entry(self, fields: dict[str, tuple[Node, Node]]) -> Exercise | None:
        if "exercise" not in fields:
            return None
        value = fields["exercise"][1]
        exercise_id = self.r.text(value, "`exercise`")
        if exercise_id is None:
            return None
        entry = self.exercises.get(exercise_id)
        if entry is None:
            hint = self.r.suggest(exercise_id, self.exercises) or " (`coach exercises` lists them)"
            self.r.error(value, f"unknown exercise {shown(exercise_id)}{hint}")
        return entry

    def _amount(
        self, node: Node, fields: dict[str, tuple[Node, Node]]
    ) -> tuple[float | None, int | None, tuple[TempoPhase, ...]]:
        """The step's duration, or its reps and tempo: exactly one of duration and reps."""
        if "duration" in fields and "reps" in fields:
            later = max(fields["duration"][0], fields["reps"][0], key=lambda n: n.start_mark.index)
            self.r.error(later, "use either `duration` (a timed hold) or `reps`, not both")
            return None, None, ()
        if "duration" not in fields and "reps" not in fields:
            self.r.error(node, "an exercise step needs `duration` (a timed hold) or `reps`")
            return None, None, ()
        if "duration" in fields:
            if "tempo" in fields:
                self.r.error(fields["tempo"][0], "`tempo` goes with `reps`, not with `duration`")
            return self.r.duration(fields["duration"][1], "`duration`"), None, ()
        reps = self.r.whole(fields["reps"][1], "`reps`", 1, MAX_REPS)
        tempo: tuple[TempoPhase, ...] = ()
        if "tempo" in fields:
            tempo = self._tempo(fields["tempo"][1])
        return None, reps, tempo

    def _tempo(self, node: Node) -> tuple[TempoPhase, ...]:
        fields = self.r.mapping(node, "`tempo`", TEMPO_PHASES)
        if fields is None:
            return ()
        if not fields:
            self.r.error(node, f"`tempo` needs at least one phase: {', '.join(TEMPO_PHASES)}")
        phases = []
        for phase, (_, value) in fields.items():
            seconds = self.r.duration(value, f"tempo phase `{phase}`")
            if seconds is not None:
                phases.append(TempoPhase(phase, seconds))
        return tuple(phases)


def _size_problem(steps: tuple[Step, ...]) -> str | None:
    """Why the routine is too long to play, as written or once fully grown; None if it fits."""
    try:
        check_size(steps)
    except TimelineTooLong as exc:
        return str(exc)
    try:
        check_size(fully_grown(steps))
    except TimelineTooLong as exc:
        return f"once every `progress` reaches its `max`, the {exc}"
    return None


def load_exercises(path: Path, base: Mapping[str, Exercise] | None = None) -> dict[str, Exercise]:
    """The exercise library in `path`, laid over `base` (a user's file adds or overrides entries).

    An override may give only the fields it changes; a new entry needs a `name`.
    """
    name = str(path)
    root = read_node(path, "an exercise library")
    library = dict(base or {})
    if root is None:
        return library
    reader = NodeReader(name)
    entries = reader.mapping(root, "the exercise library") or {}
    for exercise_id, (key_node, value) in entries.items():
        fields = reader.mapping(value, f"exercise {shown(exercise_id)}", EXERCISE_KEYS)
        if fields is None:
            continue
        old = library.get(exercise_id)
        if old is None and "name" not in fields:
            reader.error(key_node, f"exercise {shown(exercise_id)} needs a `name`")
            continue
        new_name = reader.text(fields["name"][1], "`name`") if "name" in fields else None
        instructions = old.instructions if old else ()
        if "instructions" in fields:
            instructions = reader.text_list(fields["instructions"][1], "`instructions`") or ()
        caution = old.caution if old else None
        if "caution" in fields:
            caution = reader.text(fields["caution"][1], "`caution`")
        sides: Sides = old.sides if old else "none"
        if "sides" in fields:
            chosen = reader.choice(fields["sides"][1], "`sides`", SIDES)
            sides = next((s for s in SIDES if s == chosen), sides)
        drawings = bundled_drawings()
        drawing = old.drawing if old else drawings.get(exercise_id)
        if "drawing" in fields:
            drawing = read_drawing(reader, fields["drawing"][1], exercise_id, drawings)
        library[exercise_id] = Exercise(
            id=exercise_id,
            name=new_name or (old.name if old else exercise_id),
            instructions=instructions,
            caution=caution,
            sides=sides,
            drawing=drawing,
        )
    if reader.problems:
        raise FileProblems(reader.problems)
    return library
