"""The user's settings file (`<config>/settings.yaml`): validated, with defaults.

A mistake in the file never stops coach: each bad value is reported as PATH:LINE:COL and its
default is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import Node, ScalarNode

from coach import locations
from coach.problems import FileProblems, Problem
from coach.yamlfile import NodeReader, read_node

SETTINGS_FILE = "settings.yaml"
KEYS = ("volume", "mute", "voice", "daily_routine", "theme", "rest_days_per_week", "drawings")
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
    drawings: bool = True  # the moving picture of each exercise in the session and preview
    problems: tuple[Problem, ...] = field(default=(), compare=False)


def settings_path() -> Path:
    return locations.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (default: the user's file); defaults where missing or wrong."""
    path = path or settings_path()
    if not path.is_file():
        return Settings()
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
    return Settings(**values, problems=tuple(reader.problems))


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
    return reader.text(node, what)


def _volume(reader: NodeReader, node: Node) -> float | None:
    """A fraction (0.5) or a percentage (50 or 50%)."""
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
