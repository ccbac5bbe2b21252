"""Daily tips: the bundled `tips.yaml` plus the person's own `<config>/tips.yaml`.

Both files are a YAML list whose entries are either a text or a mapping with `text` and an
optional `source`. A mistake in the person's file never costs them the bundled tips: each
problem is reported as PATH:LINE:COL and the entries that are fine are still used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from yaml.nodes import MappingNode, Node

from coach import locations
from coach.problems import FileProblems, Problem
from coach.yamlfile import NodeReader, read_node

TIPS_FILE = "tips.yaml"
BUNDLED_TIPS = Path(__file__).resolve().with_name(TIPS_FILE)
_KEYS = ("text", "source")


@dataclass(frozen=True)
class Tip:
    text: str
    source: str | None = None


@dataclass(frozen=True)
class TipBook:
    """Every usable tip, bundled ones first, and what was wrong in the person's file."""

    tips: tuple[Tip, ...]
    problems: tuple[Problem, ...] = ()


def user_tips_path() -> Path:
    return locations.config_dir() / TIPS_FILE


def read_tips(path: Path) -> tuple[list[Tip], list[Problem]]:
    """The tips in one file and the problems found in it (a missing file holds no tips)."""
    if not path.is_file():
        return [], []
    try:
        root = read_node(path, "a tips file")
    except FileProblems as exc:
        return [], list(exc.problems)
    if root is None:
        return [], []
    reader = NodeReader(str(path))
    items = reader.sequence(root, "a tips file") or []
    tips = [tip for tip in (_tip(reader, item) for item in items) if tip is not None]
    return tips, list(reader.problems)


def _tip(reader: NodeReader, node: Node) -> Tip | None:
    if not isinstance(node, MappingNode):
        text = reader.text(node, "a tip")
        return None if text is None else Tip(_flat(text))
    fields = reader.mapping(node, "a tip", _KEYS)
    if fields is None:
        return None
    if "text" not in fields:
        reader.error(node, "a tip needs `text`")
        return None
    text = reader.text(fields["text"][1], "`text`")
    source = reader.text(fields["source"][1], "`source`") if "source" in fields else None
    if text is None or ("source" in fields and source is None):
        return None
    return Tip(_flat(text), None if source is None else _flat(source))


def _flat(text: str) -> str:
    """One line with single spaces, however the YAML wrapped it."""
    return " ".join(text.split())


def load_tips(user_path: Path | None = None) -> TipBook:
    """The bundled tips followed by the person's own (default: `<config>/tips.yaml`)."""
    bundled, broken = read_tips(BUNDLED_TIPS)
    if broken:  # a packaging mistake, not the person's: say so rather than hide it
        raise FileProblems(broken)
    own, problems = read_tips(user_path or user_tips_path())
    return TipBook(tuple(bundled + own), tuple(problems))


def tip_for(tips: Sequence[Tip], day: date) -> Tip:
    """The tip for `day`: the list in turn, one a day, so each comes once before any repeats
    and the same day always gets the same tip (for the same list)."""
    if not tips:
        raise ValueError("there are no tips to choose from")
    return tips[day.toordinal() % len(tips)]


def tip_of_the_day(tips: Sequence[Tip], day: date) -> str:
    """The text of `day`'s tip."""
    return tip_for(tips, day).text
