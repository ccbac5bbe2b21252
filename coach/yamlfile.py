"""Reading a hand-written YAML file safely, keeping the line and column of every value.

Files are composed into PyYAML nodes (never constructed into Python objects), so no tag can run
code. Before composing, one pass over the parser's events refuses what could hurt: tags other
than YAML's plain data ones, nesting deeper than `MAX_DEPTH`, and more than `MAX_NODES` values
counting every alias as the values it stands for (an "alias bomb"). So a hostile or broken file
is refused quickly and with bounded memory, and code reading the node tree may recurse freely.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coach.problems import FileProblems, Problem, position, shown, suggest

MAX_BYTES = 256 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000
#: Problems reported for one file; past this the reader stops, as a person fixes a few at a time.
MAX_PROBLEMS = 50
#: Longest single duration: anything longer is a typo, not an exercise.
MAX_DURATION_S = 24 * 3600.0

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STD = "tag:yaml.org,2002:"
#: Tags a file may write out (`!!str 30`); `!!python/...`, `!!binary`, `!custom` are refused.
_EXPLICIT_TAGS = frozenset(
    {"!", *(_STD + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))}
)
#: Tags YAML resolves plain values to. `=` and `<<` resolve to value and merge: as values they
#: are just text.
_SCALAR_TAGS = frozenset({"str", "int", "float", "bool", "null", "timestamp", "value", "merge"})
#: Characters YAML does not allow in a stream (control characters, NUL, lone surrogates).
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NUMBER = r"\d+(?:\.\d+)?"
_PLAIN_SECONDS = re.compile(_NUMBER)
_DECIMAL = re.compile(r"[-+]?[1-9][0-9]*")
# Each `\s*` follows a unit letter or a digit, so matching takes linear time on any input.
_UNITS = re.compile(
    rf"(?:(?P<h>{_NUMBER})\s*h\s*)?(?:(?P<m>{_NUMBER})\s*m(?:in)?\s*)?(?:(?P<s>{_NUMBER})\s*s(?:ec)?)?"
)


def read_text(path: Path, kind: str) -> str:
    """The file as text, or FileProblems naming the first byte that makes it unusable.

    `kind` names the file in messages, with its article: "a routine file", "a settings file".
    """
    name = str(path)
    if path.exists() and not path.is_file():
        # A FIFO would block forever and a folder cannot be read as text.
        kind = "a folder" if path.is_dir() else "not a regular file"
        raise FileProblems([Problem(name, 1, 1, f"{kind}; expected a YAML file")])
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileProblems([Problem(name, 1, 1, f"cannot read file: {reason}")]) from None
    if len(data) > MAX_BYTES:
        message = f"file is larger than {MAX_BYTES // 1024} KiB; {kind} is short text"
        raise FileProblems([Problem(name, 1, 1, message)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        line, col = position(good, len(good))
        bad = data[exc.start]
        message = f"not UTF-8 text (byte 0x{bad:02x}); save the file as UTF-8"
        raise FileProblems([Problem(name, line, col, message)]) from None


def compose(text: str, path: str, kind: str) -> Node | None:
    """The document's node tree (None for an empty document), once its shape is known safe.

    `kind` names the file in messages, as for `read_text`.
    """
    _check_characters(text, path)
    try:
        _check_events(text, path, kind)
        node: Node | None = yaml.compose(text, Loader=_Loader)
        return node
    except yaml.MarkedYAMLError as exc:
        line, col = min(_mark(exc.problem_mark or exc.context_mark), position(text, len(text)))
        detail = _explain(exc, line, _char_at(text, line, col), kind)
        raise FileProblems([Problem(path, line, col, f"YAML syntax: {detail}")]) from None


def read_node(path: Path, kind: str) -> Node | None:
    """`compose(read_text(path))`: the node tree of a whole file."""
    return compose(read_text(path, kind), str(path), kind)


def _explain(exc: yaml.MarkedYAMLError, line: int, char: str, kind: str) -> str:
    """PyYAML's wording of a syntax error, made plain where it is cryptic."""
    problem = exc.problem or exc.context or "invalid YAML"
    if "expected a single document" in str(exc):
        return f"only one YAML document is allowed in {kind} (found a second)"
    if "maximum nesting depth" in problem:
        return f"nested more than {MAX_DEPTH} levels deep"
    if char == "\t" and "cannot start any token" in problem:
        return "a tab character here; indent with spaces"
    if exc.problem and exc.context:
        context_line = _mark(exc.context_mark)[0]
        where = f" on line {context_line}" if context_line != line else ""
        return f"{problem} ({exc.context}{where})"
    return problem


def _char_at(text: str, line: int, col: int) -> str:
    """The character at a 1-based line and column, or '' past the end."""
    lines = text.splitlines()
    if line <= len(lines) and col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _check_characters(text: str, path: str) -> None:
    bad = _UNPRINTABLE.search(text)
    if bad is None:
        return
    line, col = position(text, bad.start())
    code = ord(bad.group())
    if code == 0:
        message = "binary data (NUL byte); expected YAML text"
    elif 0xD800 <= code <= 0xDFFF:
        message = f"invalid character U+{code:04X} (a lone surrogate); save the file as UTF-8"
    else:
        kind = "control character" if code < 0xA0 else "character"
        message = f"{kind} U+{code:04X} is not allowed in YAML text"
    raise FileProblems([Problem(path, line, col, message)])


@dataclass
class _Open:
    """A collection whose end event has not come yet."""

    anchor: str | None
    first: int  # values counted before it opened
    height: int = 1  # levels of collections from here down, aliases expanded


def _check_events(text: str, path: str, kind: str) -> None:
    """Refuse unsafe tags, deep nesting and alias bombs, reading the events once.

    An alias counts as the values and levels of the anchor it names, so a file of a few lines
    that would expand to millions of values is caught here, before any of it is expanded.
    """

    def fail(event: yaml.Event, message: str) -> None:
        line, col = _mark(event.start_mark)
        raise FileProblems([Problem(path, line, col, message)])

    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (values, levels)
    stack: list[_Open] = []
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            anchors.clear()
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            if done.anchor is not None:
                anchors[done.anchor] = (count - done.first, done.height)
            if stack:
                stack[-1].height = max(stack[-1].height, done.height + 1)
            continue
        if isinstance(event, yaml.AliasEvent):
            name = str(event.anchor)
            if name not in anchors:
                if any(frame.anchor == name for frame in stack):
                    fail(event, f"alias *{name} is inside its own anchor &{name}; it never ends")
                fail(event, f"alias *{name} has no anchor &{name} before it")
            size, height = anchors[name]
        elif isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            if event.tag is not None and event.tag not in _EXPLICIT_TAGS:
                shown_tag = event.tag.replace(_STD, "!!", 1)
                fail(event, f"YAML tag {shown_tag} is not allowed in {kind}")
            if event.anchor is not None and (
                event.anchor in anchors or any(f.anchor == event.anchor for f in stack)
            ):
                fail(event, f"anchor &{event.anchor} is defined twice")
            is_collection = isinstance(event, yaml.CollectionStartEvent)
            size, height = 1, int(is_collection)
        else:
            continue
        if len(stack) + height > MAX_DEPTH:
            fail(event, f"nested more than {MAX_DEPTH} levels deep")
        count += size
        if count > MAX_NODES:
            bomb = " once aliases are expanded" if isinstance(event, yaml.AliasEvent) else ""
            fail(event, f"more than {MAX_NODES:,} values{bomb}; {kind} is short")
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Open(event.anchor, count - 1))
            continue
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            anchors[event.anchor] = (1, 0)
        if stack:
            stack[-1].height = max(stack[-1].height, height + 1)


def _mark(mark: Any) -> tuple[int, int]:
    """1-based line and column of a PyYAML mark (which may be missing)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


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
        line, col = _mark(node.start_mark)
        self.problems.append(Problem(self.path, line, col, message))

    def suggest(self, word: str, choices: Collection[str]) -> str:
        """Like `suggest`, but nothing once the reader has given up (matching is slow-ish)."""
        return "" if self.gave_up else suggest(word, choices)

    def _tag_ok(self, node: Node, allowed: Collection[str]) -> bool:
        """Only YAML's plain data tags; `!!python/...` and custom tags are refused."""
        if node.tag.removeprefix(_STD) in allowed:
            return True
        self.error(node, f"YAML tag {node.tag.replace(_STD, '!!', 1)} is not allowed here")
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
            if key_node.tag == f"{_STD}merge":
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
        if not value or scalar.tag == f"{_STD}null":
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
        if scalar.tag != f"{_STD}int":
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
        if scalar.tag in (f"{_STD}int", f"{_STD}float"):
            value = _seconds(scalar)
        elif scalar.tag == f"{_STD}str":
            value = parse_duration_text(str(scalar.value))
        if value is None:
            given = "nothing" if scalar.tag == f"{_STD}null" else _value(scalar)
            self.error(node, f"{what} must be a duration like 30s, 2m or 1m30s, got {given}")
            return None
        if math.isnan(value) or (math.isinf(value) and scalar.tag == f"{_STD}float"):
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
        if node.tag == f"{_STD}float":
            return float(_CONSTRUCTOR.construct_yaml_float(node))
        if _DECIMAL.fullmatch(text):
            return float(text)  # unlike int(), no limit on digits
        return float(_CONSTRUCTOR.construct_yaml_int(node))
    except ValueError:
        return None
    except OverflowError:
        return math.inf
