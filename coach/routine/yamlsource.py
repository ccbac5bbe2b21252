"""Reading a hand-written YAML file safely, keeping the line and column of every value.

Files are composed into PyYAML nodes (never constructed into Python objects), so no tag can run
code; size, nesting depth and the number of values visited are capped, so a hostile or broken
file is refused quickly and with bounded memory.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coach.routine.problems import Problem, RoutineError, position

MAX_BYTES = 256 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STD = "tag:yaml.org,2002:"
#: Scalar tags YAML resolves plain values to; anything else (`!!python/...`, `!custom`) is refused.
_SCALAR_TAGS = frozenset({"str", "int", "float", "bool", "null", "timestamp"})
_DURATION = re.compile(
    r"^\s*(?:(?P<h>\d+(?:\.\d+)?)\s*h)?\s*(?:(?P<m>\d+(?:\.\d+)?)\s*m(?:in)?)?"
    r"\s*(?:(?P<s>\d+(?:\.\d+)?)\s*s(?:ec)?)?\s*$"
)


def read_text(path: Path) -> str:
    """The file as text, or a RoutineError naming the first byte that makes it unusable."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RoutineError([Problem(name, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    if len(data) > MAX_BYTES:
        message = f"file is larger than {MAX_BYTES // 1024} KiB; a routine file is short text"
        raise RoutineError([Problem(name, 1, 1, message)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = position(data[: exc.start].decode("utf-8", "replace"), exc.start)
        bad = data[exc.start]
        message = f"not UTF-8 text (byte 0x{bad:02x}); save the file as UTF-8"
        raise RoutineError([Problem(name, line, col, message)]) from None
    if nul >= 0:
        line, col = position(text, len(data[:nul].decode("utf-8")))
        raise RoutineError([Problem(name, line, col, "binary data (NUL byte); expected YAML text")])
    return text


def compose(text: str, path: str) -> Node | None:
    """The document's node tree (None for an empty document), checked for depth first."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, col = _mark(event.start_mark)
                    message = f"nested more than {MAX_DEPTH} levels deep"
                    raise RoutineError([Problem(path, line, col, message)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node: Node | None = yaml.compose(text, Loader=_Loader)
        return node
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc.problem_mark or exc.context_mark)
        detail = exc.problem or exc.context or "invalid YAML"
        if "expected a single document" in str(exc):
            detail = "only one routine per file (found a second YAML document)"
        raise RoutineError([Problem(path, line, col, f"YAML syntax: {detail}")]) from None
    except yaml.YAMLError as exc:
        raise RoutineError([Problem(path, 1, 1, f"YAML syntax: {exc}")]) from None


def _mark(mark: Any) -> tuple[int, int]:
    """1-based line and column of a PyYAML mark (which may be missing)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def suggest(word: str, choices: Collection[str]) -> str:
    """' (did you mean "x"?)' for a near miss, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def parse_duration_text(text: str) -> float | None:
    """Seconds in `30`, `30s`, `2m`, `1m30s`, `1h`; None if the text is not a duration."""
    match = _DURATION.match(text)
    if not match or not any(match.groupdict().values()):
        try:
            return float(text) if text.strip() else None
        except ValueError:
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
        self._budget = MAX_NODES

    def error(self, node: Node, message: str) -> None:
        line, col = _mark(node.start_mark)
        self.problems.append(Problem(self.path, line, col, message))

    def _visit(self, node: Node) -> bool:
        self._budget -= 1
        if self._budget == 0:
            self.error(node, f"more than {MAX_NODES:,} values (is a YAML alias expanding?)")
        return self._budget > 0

    def _tag_ok(self, node: Node, allowed: Collection[str]) -> bool:
        """Only YAML's plain data tags; `!!python/...` and custom tags are refused."""
        if node.tag.removeprefix(_STD) in allowed:
            return True
        self.error(node, f"YAML tag {node.tag!r} is not allowed in a routine file")
        return False

    def mapping(
        self, node: Node, what: str, allowed: Collection[str] | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        """Key -> (key node, value node), reporting duplicates, non-text and unknown keys."""
        if not self._visit(node):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of `key: value` lines")
            return None
        if not self._tag_ok(node, ("map",)):
            return None
        result: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not self._visit(key_node):
                return None
            if not isinstance(key_node, ScalarNode) or key_node.tag == f"{_STD}merge":
                self.error(key_node, f"keys of {what} must be plain words")
                continue
            key = str(key_node.value)
            if key in result:
                first = result[key][0].start_mark.line + 1
                self.error(key_node, f"duplicate key `{key}` (first given on line {first})")
                continue
            if allowed is not None and key not in allowed:
                hint = suggest(key, allowed) or f"; allowed: {', '.join(sorted(allowed))}"
                self.error(key_node, f"unknown key `{key}` in {what}{hint}")
                continue
            result[key] = (key_node, value_node)
        return result

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not self._visit(node):
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list (lines starting with `- `)")
            return None
        if not self._tag_ok(node, ("seq",)):
            return None
        return list(node.value)

    def _scalar(self, node: Node, what: str) -> ScalarNode | None:
        if not self._visit(node):
            return None
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
        if not value or scalar.tag == f"{_STD}null":
            self.error(node, f"{what} must not be empty")
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
        if scalar.tag != f"{_STD}int":
            self.error(node, f"{what} must be a whole number, got {scalar.value!r}")
            return None
        value = int(_construct(scalar))
        if not low <= value <= high:
            self.error(node, f"{what} must be between {low} and {high}, got {value}")
            return None
        return value

    def duration(self, node: Node, what: str, allow_zero: bool = False) -> float | None:
        """Seconds as a number or `30s`, `2m`, `1m30s`; finite, positive (or zero if allowed)."""
        scalar = self._scalar(node, what)
        if scalar is None:
            return None
        value: float | None
        if scalar.tag in (f"{_STD}int", f"{_STD}float"):
            value = float(_construct(scalar))
        elif scalar.tag == f"{_STD}str":
            value = parse_duration_text(str(scalar.value))
        else:
            value = None
        if value is None:
            self.error(
                node, f"{what} must be a duration like 30s, 2m or 1m30s, got {scalar.value!r}"
            )
            return None
        if not math.isfinite(value):
            self.error(node, f"{what} must be a finite duration, got {scalar.value!r}")
            return None
        if value < 0 or (value == 0 and not allow_zero):
            low = "zero or more" if allow_zero else "more than zero"
            self.error(node, f"{what} must be {low}, got {scalar.value!r}")
            return None
        return value

    def choice(self, node: Node, what: str, choices: Collection[str]) -> str | None:
        scalar = self._scalar(node, what)
        if scalar is None:
            return None
        value = str(scalar.value)
        if value not in choices:
            hint = suggest(value, choices)
            self.error(node, f"{what} must be one of {', '.join(choices)}, got {value!r}{hint}")
            return None
        return value

    def items(self, node: Node) -> Iterator[tuple[str, Node, Node]]:
        """Unchecked (key, key node, value node) triples of a mapping node, for diagnostics."""
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    yield str(key_node.value), key_node, value_node


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _construct(node: ScalarNode) -> Any:
    """YAML's own reading of an int or float scalar (`0x1f`, `1_000`, `.inf`, `1:30`)."""
    if node.tag == f"{_STD}int":
        return _CONSTRUCTOR.construct_yaml_int(node)
    return _CONSTRUCTOR.construct_yaml_float(node)
