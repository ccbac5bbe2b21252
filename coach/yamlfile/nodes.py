"""Typed reading of a composed YAML node tree: every getter notes a Problem with the value's
line and column instead of raising, so one pass reports every mistake in a hand-written file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coach.problems import Problem, shown, suggest
from coach.yamlfile.reading import STD_TAG, mark_position

#: Problems reported for one file; past this the reader stops, as a person fixes a few at a time.
MAX_PROBLEMS = 50
#: Longest single duration: anything longer is a typo, not an exercise.
MAX_DURATION_S = 24 * 3600.0
#: Tags YAML resolves plain values to. `=` and `<<` resolve to value and merge: as values they
#: are just text.
_SCALAR_TAGS = frozenset({"str", "int", "float", "bool", "null", "timestamp", "value", "merge"})
_NUMBER = r"\d+(?:\.\d+)?"
_PLAIN_SECONDS = re.compile(_NUMBER)
_DECIMAL = re.compile(r"[-+]?[1-9][0-9]*")
# Each `\s*` follows a unit letter or a digit, so matching takes linear time on any input.
_UNITS = re.compile(
    rf"(?:(?P<h>{_NUMBER})\s*h\s*)?(?:(?P<m>{_NUMBER})\s*m(?:in)?\s*)?(?:(?P<s>{_NUMBER})\s*s(?:ec)?)?"
)


def parse_duration_text(text: str) -> float | None:
    """Seconds in `30`, `30s`, `90 s`, `2m`, `2min`, `1m30s`, `1h`; None if not a duration."""
    text = text.strip()
    if _PLAIN_SECONDS.fullmatch(text):
        return float(text)
    match = _UNITS.fullmatch(text)
    if not text or match is None:
        return None
    hours, minutes, seconds = (float(match.group(k) or 0) for k in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds


class NodeReader:
    """Typed access to YAML nodes that records a Problem instead of raising.

    Every getter returns None when the value is unusable, after noting why and where.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    @property
    def gave_up(self) -> bool:
        """True once `MAX_PROBLEMS` are noted: callers may skip the rest of the file."""
        return len(self.problems) > MAX_PROBLEMS

    def error(self, node: Node, message: str) -> None:
        if self.gave_up:
            return
        if len(self.problems) == MAX_PROBLEMS:
            message = f"stopped after {MAX_PROBLEMS} problems; fix those first"
        line, col = mark_position(node.start_mark)
        self.problems.append(Problem(self.path, line, col, message))

    def suggest(self, word: str, choices: Collection[str]) -> str:
        """Like `suggest`, but nothing once the reader has given up (matching is slow-ish)."""
        return "" if self.gave_up else suggest(word, choices)

    def _tag_ok(self, node: Node, allowed: Collection[str]) -> bool:
        """Only YAML's plain data tags; `!!python/...` and custom tags are refused."""
        if node.tag.removeprefix(STD_TAG) in allowed:
            return True
        self.error(node, f"YAML tag {node.tag.replace(STD_TAG, '!!', 1)} is not allowed here")
        return False

    def mapping(
        self, node: Node, what: str, allowed: Collection[str] | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        """Key -> (key node, value node), reporting duplicates, non-text and unknown keys."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of `key: value` lines")
            return None
        if not self._tag_ok(node, ("map",)):
            return None
        result: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if self.gave_up:
                break
            if key_node.tag == f"{STD_TAG}merge":
                self.error(key_node, "YAML merge keys (`<<`) are not supported; write keys out")
                continue
            if not isinstance(key_node, ScalarNode) or not self._tag_ok(key_node, _SCALAR_TAGS):
                self.error(key_node, f"keys of {what} must be plain words")
                continue
            key = str(key_node.value)
            if key in result:
                first = result[key][0].start_mark.line + 1
                message = f"duplicate key `{_key(key)}` (first given on line {first})"
                self.error(key_node, message)
                continue
            if allowed is not None and key not in allowed:
                hint = self.suggest(key, allowed) or f"; allowed: {', '.join(sorted(allowed))}"
                self.error(key_node, f"unknown key `{_key(key)}` in {what}{hint}")
                continue
            result[key] = (key_node, value_node)
        return result

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list (lines starting with `- `)")
            return None
        if not self._tag_ok(node, ("seq",)):
            return None
        return list(node.value)

    def _scalar(self, node: Node, what: str) -> ScalarNode | None:
        if not isinstance(node, ScalarNode):
            kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
            self.error(node, f"{what} must be a single value, not {kind}")
            return None
        if not self._tag_ok(node, _SCALAR_TAGS):
            return None
        return node

    def text(self, node: Node, what: str) -> str | None:
        """Any non-empty scalar, as the person wrote it (so `name: 2024` is the text "2024")."""
        scalar = self._scalar(node, what)
        if scalar is None:
            return None
        value = str(scalar.value).strip()
        if not value or scalar.tag == f"{STD_TAG}null":
            self.error(node, f"{what} must not be empty")
            return None
        control = next((c for c in value if unicodedata.category(c) == "Cc" and c != "\n"), None)
        if control is not None:
            # Escape sequences in a name would repaint the person's terminal when printed.
            self.error(node, f"{what} contains a control character (U+{ord(control):04X})")
            return None
        return value

    def text_list(self, node: Node, what: str) -> tuple[str, ...] | None:
        """A single text or a list of texts."""
        if isinstance(node, SequenceNode):
            items = self.sequence(node, what)
            if items is None:
                return None
            texts = [self.text(item, f"each entry of {what}") for item in items]
            return tuple(t for t in texts if t is not None)
        single = self.text(node, what)
        return None if single is None else (single,)

    def whole(self, node: Node, what: str, low: int = 1, high: int = 1000) -> int | None:
        scalar = self._scalar(node, what)
        if scalar is None:
            return None
        if scalar.tag != f"{STD_TAG}int":
            self.error(node, f"{what} must be a whole number, got {_value(scalar)}")
            return None
        value = _whole_number(scalar)
        if value is None or not low <= value <= high:
            self.error(node, f"{what} must be between {low} and {high}, got {_value(scalar)}")
            return None
        return value

    def duration(self, node: Node, what: str, allow_zero: bool = False) -> float | None:
        """Seconds as a number or `30s`, `2m`, `1m30s`: finite, positive (or zero if allowed)
        and at most `MAX_DURATION_S`."""
        scalar = self._scalar(node, what)
        if scalar is None:
            return None
        value: float | None = None
        if scalar.tag in (f"{STD_TAG}int", f"{STD_TAG}float"):
            value = _seconds(scalar)
        elif scalar.tag == f"{STD_TAG}str":
            value = parse_duration_text(str(scalar.value))
        if value is None:
            given = "nothing" if scalar.tag == f"{STD_TAG}null" else _value(scalar)
            self.error(node, f"{what} must be a duration like 30s, 2m or 1m30s, got {given}")
            return None
        if math.isnan(value) or (math.isinf(value) and scalar.tag == f"{STD_TAG}float"):
            self.error(node, f"{what} must be a finite duration, got {_value(scalar)}")
            return None
        if value < 0 or (value == 0 and not allow_zero):
            low = "zero or more" if allow_zero else "more than zero"
            self.error(node, f"{what} must be {low}, got {_value(scalar)}")
            return None
        if value > MAX_DURATION_S:
            self.error(node, f"{what} must be at most 24 hours, got {_value(scalar)}")
            return None
        return value

    def choice(self, node: Node, what: str, choices: Collection[str]) -> str | None:
        scalar = self._scalar(node, what)
        if scalar is None:
            return None
        value = str(scalar.value)
        if value not in choices:
            hint = self.suggest(value, choices)
            self.error(
                node, f"{what} must be one of {', '.join(choices)}, got {shown(value)}{hint}"
            )
            return None
        return value

    def items(self, node: Node) -> Iterator[tuple[str, Node, Node]]:
        """Unchecked (key, key node, value node) triples of a mapping node, for diagnostics."""
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    yield str(key_node.value), key_node, value_node


def _key(key: str) -> str:
    """A key as a message names it between backticks."""
    return shown(key)[1:-1] if key else "(empty)"


def _value(node: ScalarNode) -> str:
    return shown(node.value)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _whole_number(node: ScalarNode) -> int | None:
    """YAML's own reading of an int scalar (`0x1f`, `1_000`, `1:30`); None past Python's
    limit on digits (such a number is out of any range anyway)."""
    try:
        return int(_CONSTRUCTOR.construct_yaml_int(node))
    except ValueError:
        return None


def _seconds(node: ScalarNode) -> float | None:
    """An int or float scalar as seconds: infinity if too big for a float, None if it is no
    number after all (`!!float abc`)."""
    text = str(node.value).replace("_", "")
    try:
        if node.tag == f"{STD_TAG}float":
            return float(_CONSTRUCTOR.construct_yaml_float(node))
        if _DECIMAL.fullmatch(text):
            return float(text)  # unlike int(), no limit on digits
        return float(_CONSTRUCTOR.construct_yaml_int(node))
    except ValueError:
        return None
    except OverflowError:
        return math.inf
