"""The user's settings file (`<config>/settings.yaml`): validated, with defaults.

A mistake in the file never stops coach: each bad value is reported as PATH:LINE:COL and its
default is used instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach import locations

if TYPE_CHECKING:
    from yaml.nodes import Node

    # Home's first frame holds the settings; with no settings file, these never load.
    from coach.plan.entry import PlanEntry
    from coach.problems import Problem
    from coach.yamlfile import NodeReader

SETTINGS_FILE = locations.SETTINGS_FILE
KEYS = (
    "volume",
    "mute",
    "voice",
    "daily_routine",
    "schedule",
    "theme",
    "rest_days_per_week",
    "remind_snooze",
    "terminal",
    "drawings",
)
_ENTRY_KEYS = ("routine", "days", "at")
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


@dataclass(frozen=True)
class Settings:
    volume: float = 0.8  # 0.0 to 1.0; scales the cue samples
    mute: bool = False
    voice: bool = True  # spoken cues when espeak-ng is installed
    daily_routine: str = "foot-daily"
    theme: str | None = None  # a Textual theme name; None keeps Textual's default
    rest_days_per_week: int = 0  # planned rest days that do not break a streak
    #: The weekly plan as written; None when the file has no (usable) `schedule:` list.
    schedule: tuple[PlanEntry, ...] | None = None
    remind_snooze: float = 15 * 60.0  # seconds a reminder's "In 15 min" waits
    terminal: str | None = None  # a command line holding `{command}`, to start from a reminder
    drawings: bool = True  # the moving picture of each exercise in the session and preview
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    #: The keys the file gave a usable value for (so doctor can tell a default from a choice).
    given: frozenset[str] = field(default=frozenset(), compare=False)
    #: Where each given key's value was written (path, line, column): the checks made after
    #: loading (`daily_routine` against the routines there are, `theme` against Textual's
    #: themes) name the place as every other settings problem does.
    origins: Mapping[str, tuple[str, int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def plan(self) -> tuple[PlanEntry, ...]:
        """The weekly plan: `schedule` when given, else `daily_routine` every day."""
        from coach.plan.entry import daily

        if self.schedule is not None:
            return self.schedule
        return daily(self.daily_routine, self.origins.get("daily_routine"))

    @property
    def plan_written(self) -> bool:
        """Whether the plan's routines come from the file (`schedule` or `daily_routine`), so
        they must be checked against the routines there are; the default is bundled."""
        return self.schedule is not None or "daily_routine" in self.given

    def theme_problem(self, known: Collection[str]) -> str | None:
        """Why `theme` cannot be used, one line said the same by the app and `coach doctor`:
        at its place in the file (PATH:LINE:COL) when it was read from one. None when the theme
        is unset or one of the `known` theme names."""
        if not self.theme or self.theme in known:
            return None
        from coach.problems import Problem, suggest

        found = suggest(self.theme, known)
        message = f"there is no theme called {self.theme!r}{found}; the default is used"
        origin = self.origins.get("theme")
        return message if origin is None else str(Problem(*origin, message))

    def checked_plan(
        self, known: Callable[[], Collection[str]]
    ) -> tuple[tuple[PlanEntry, ...], tuple[Problem, ...]]:
        """The plan with only the routines there are (`known()`, asked only when the file names
        them), and a problem for each other one: what the app, `coach status`, `coach nudge`
        and `coach doctor` all plan and say."""
        if not self.plan_written:
            return self.plan, ()
        from coach.plan.entry import check_routines

        return check_routines(self.plan, known())


def settings_path() -> Path:
    return locations.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (default: the user's file); defaults where missing or wrong."""
    path = path or settings_path()
    if not path.is_file():
        return Settings()
    # PyYAML loads only when there is a file to read: it costs the first frame ~10 ms.
    from coach.problems import FileProblems
    from coach.yamlfile import NodeReader, read_node

    try:
        root = read_node(path, "a settings file")
    except FileProblems as exc:
        return Settings(problems=tuple(exc.problems))
    if root is None:
        return Settings()
    reader = NodeReader(str(path))
    fields = reader.mapping(root, "the settings", KEYS) or {}
    values: dict[str, Any] = {}
    for key, (_, node) in fields.items():
        value = _read(reader, key, node)
        if value is not None:
            values[key] = value
    origins = {}
    for key in values:
        mark = fields[key][1].start_mark
        origins[key] = (str(path), mark.line + 1, mark.column + 1)
    return Settings(
        **values, problems=tuple(reader.problems), given=frozenset(values), origins=origins
    )


def _read(reader: NodeReader, key: str, node: Node) -> object | None:
    what = f"`{key}`"
    if key == "volume":
        return _volume(reader, node)
    if key in ("mute", "voice", "drawings"):
        word = reader.text(node, what)
        if word is None:
            return None
        if word.lower() in _TRUE | _FALSE:
            return word.lower() in _TRUE
        reader.error(node, f"{what} must be on or off, got {word!r}")
        return None
    if key == "rest_days_per_week":
        return reader.whole(node, what, 0, 6)
    if key == "schedule":
        return _schedule(reader, node)
    if key == "remind_snooze":
        return reader.duration(node, what)
    if key == "terminal":
        return _terminal(reader, node)
    return reader.text(node, what)


def _volume(reader: NodeReader, node: Node) -> float | None:
    """A fraction (0.5) or a percentage (50 or 50%)."""
    from yaml.nodes import ScalarNode

    word = reader.text(node, "`volume`")
    if word is None:
        return None
    try:
        number = float(word.rstrip("%"))
    except ValueError:
        number = -1.0
    if word.endswith("%") or (isinstance(node, ScalarNode) and number > 1):
        number /= 100
    if not 0.0 <= number <= 1.0:
        reader.error(node, f"`volume` must be from 0 to 1 (or 0% to 100%), got {word!r}")
        return None
    return number


def _schedule(reader: NodeReader, node: Node) -> tuple[PlanEntry, ...] | None:
    """The entries of `schedule:`; a bad entry (or day) is reported and left out."""
    items = reader.sequence(node, "`schedule`")
    if items is None:
        return None
    entries = []
    for number, item in enumerate(items, 1):
        entry = _entry(reader, item, f"`schedule` entry {number}")
        if entry is not None:
            entries.append(entry)
    return tuple(entries)


def _entry(reader: NodeReader, node: Node, what: str) -> PlanEntry | None:
    from coach.plan.entry import EVERY_DAY, PlanEntry, clock_time
    from coach.problems import shown

    fields = reader.mapping(node, what, _ENTRY_KEYS)
    if fields is None:
        return None
    if "routine" not in fields:
        reader.error(node, f"{what} needs `routine: ID` (a routine id from `coach list`)")
        return None
    routine_node = fields["routine"][1]
    routine = reader.text(routine_node, f"`routine` of {what}")
    days = _days(reader, fields["days"][1], what) if "days" in fields else EVERY_DAY
    at = None
    if "at" in fields:
        at_node = fields["at"][1]
        word = reader.text(at_node, f"`at` of {what}")
        at = None if word is None else clock_time(word)
        if word is not None and at is None:
            message = f"`at` of {what} must be a time of day from 00:00 to 23:59, got {shown(word)}"
            reader.error(at_node, message)  # the entry stays planned, without a reminder
    if routine is None or not days:
        return None
    line, col = routine_node.start_mark.line + 1, routine_node.start_mark.column + 1
    return PlanEntry(routine, days, at, origin=(reader.path, line, col))


def _days(reader: NodeReader, node: Node, what: str) -> frozenset[int]:
    """`daily`, `weekdays`, `weekends`, one day name, or a list of day names."""
    from yaml.nodes import SequenceNode

    from coach.plan.entry import DAY_SETS

    what = f"`days` of {what}"
    if not isinstance(node, SequenceNode):
        word = reader.text(node, what)
        if word is None:
            return frozenset()
        if word.lower() in DAY_SETS:
            return DAY_SETS[word.lower()]
        return _day(reader, node, word, what)
    items = reader.sequence(node, what)
    if items == []:
        reader.error(node, f"{what} must name at least one day")
    days: set[int] = set()
    for item in items or []:
        word = reader.text(item, f"each day in {what}")
        if word is not None:
            days |= DAY_SETS.get(word.lower()) or _day(reader, item, word, what)
    return frozenset(days)


def _day(reader: NodeReader, node: Node, word: str, what: str) -> frozenset[int]:
    from coach.plan.entry import day_number, day_words
    from coach.problems import shown

    number = day_number(word)
    if number is not None:
        return frozenset({number})
    hint = reader.suggest(word.lower(), day_words())
    message = (
        f"{what}: {shown(word)} is not a day; use daily, weekdays, weekends"
        f" or day names like mon, tue{hint}"
    )
    reader.error(node, message)
    return frozenset()


def _terminal(reader: NodeReader, node: Node) -> str | None:
    from coach.problems import shown

    command = reader.text(node, "`terminal`")
    if command is not None and "{command}" not in command:
        reader.error(
            node,
            f"`terminal` must hold {{command}} where coach's command goes, got {shown(command)}",
        )
        return None
    return command
