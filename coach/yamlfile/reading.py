"""Reading a hand-written YAML file safely, keeping the line and column of every value.

Files are composed into PyYAML nodes (never constructed into Python objects), so no tag can run
code. Before composing, one pass over the parser's events refuses what could hurt: tags other
than YAML's plain data ones, nesting deeper than `MAX_DEPTH`, and more than `MAX_NODES` values
counting every alias as the values it stands for (an "alias bomb"). So a hostile or broken file
is refused quickly and with bounded memory, and code reading the node tree may recurse freely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from coach.problems import FileProblems, Problem, position

MAX_BYTES = 256 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STD_TAG = "tag:yaml.org,2002:"
#: Tags a file may write out (`!!str 30`); `!!python/...`, `!!binary`, `!custom` are refused.
_EXPLICIT_TAGS = frozenset(
    {"!", *(STD_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))}
)
#: Characters YAML does not allow in a stream (control characters, NUL, lone surrogates).
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_text(path: Path, kind: str) -> str:
    """The file as text, or FileProblems naming the first byte that makes it unusable.

    `kind` names the file in messages, with its article: "a routine file", "a settings file".
    """
    import stat

    name = str(path)
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            # A FIFO would block forever and a folder cannot be read as text.
            what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            raise FileProblems([Problem(name, 1, 1, f"{what}; expected a YAML file")])
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
        if node is not None:
            _within(node, text)
        return node
    except yaml.MarkedYAMLError as exc:
        runaway = _runaway_quote(text, exc)
        if runaway is not None:
            line, col, closed_on = runaway
            detail = (
                f"this quote is closed only on line {closed_on}, where the file then stops"
                " making sense: end the text on this line with the same quote mark"
            )
            raise FileProblems([Problem(path, line, col, f"YAML syntax: {detail}")]) from None
        plain = _plain_words(exc)
        mark = exc.context_mark if plain and plain[1] else exc.problem_mark or exc.context_mark
        line, col = min(mark_position(mark), position(text, len(text)))
        detail = plain[0] if plain else _explain(exc, line, _char_at(text, line, col), kind)
        raise FileProblems([Problem(path, line, col, f"YAML syntax: {detail}")]) from None


def _within(node: Node, text: str) -> None:
    """Keep the root's place inside the text: for a document of only `---`, PyYAML places its
    empty value on a line after the last, which a message could not point at."""
    end_line, end_col = position(text, len(text))
    if mark_position(node.start_mark) > (end_line, end_col):
        node.start_mark = yaml.Mark(
            node.start_mark.name, len(text), end_line - 1, end_col - 1, None, 0
        )


def _runaway_quote(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, int] | None:
    """Where a quote left open began, when it is the likely cause of `exc`: a quoted text
    that runs over several lines and ends on the line of the error, so a quote mark further
    down (in a comment, say) closed it. Line, column and the line it closed on, or None."""
    if exc.problem_mark is None:
        return None
    last: Any = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.start_mark.line == last.end_mark.line:
        return None
    if last.end_mark.line != exc.problem_mark.line:
        return None
    line, col = mark_position(last.start_mark)
    return line, col, last.end_mark.line + 1


def read_node(path: Path, kind: str) -> Node | None:
    """`compose(read_text(path))`: the node tree of a whole file."""
    return compose(read_text(path, kind), str(path), kind)


#: PyYAML's most common complaints, which name its parser's states, in the words of someone
#: editing the file: (problem, context, words, whether the place is where the context began).
#: Placed there, an unclosed quote or bracket is shown where it opens, not at the file's end.
_PLAIN_WORDS = (
    (
        "did not find expected '-' indicator",
        "while parsing a block collection",
        "this line does not line up with the list that begins on line {line}: its items start"
        " at one column with '- ', and each item's keys line up under its first key",
        False,
    ),
    (
        "did not find expected key",
        "while parsing a block mapping",
        "this line does not line up with the keys that begin on line {line}: the keys of one"
        " mapping start at the same column",
        False,
    ),
    (
        "mapping values are not allowed",
        "",
        "a ': ' where no key can begin: check this line's indentation, or put text that holds"
        " ': ' in quotes",
        False,
    ),
    (
        "found unexpected end of stream",
        "while scanning a quoted scalar",
        "this quote is never closed: end the text with the same quote mark",
        True,
    ),
    (
        "could not find expected ':'",
        "while scanning a simple key",
        "this line needs a ':' after its key (`key: value`, with a space after the colon)",
        True,
    ),
    (
        "did not find expected ',' or ']'",
        "while parsing a flow sequence",
        "this '[' list is never closed with ']' (or two of its items lack a comma between them)",
        True,
    ),
    (
        "did not find expected ',' or '}'",
        "while parsing a flow mapping",
        "this '{' mapping is never closed with '}' (or two of its entries lack a comma between"
        " them)",
        True,
    ),
)


def _plain_words(exc: yaml.MarkedYAMLError) -> tuple[str, bool] | None:
    """`exc` in plain words and whether to place it where its context began, for the common
    complaints in `_PLAIN_WORDS`; None for the others."""
    problem, context = exc.problem or "", exc.context or ""
    for known_problem, known_context, words, at_context in _PLAIN_WORDS:
        if problem.startswith(known_problem) and context.startswith(known_context):
            if at_context and exc.context_mark is None:
                return None
            line = mark_position(exc.context_mark)[0]
            return words.replace("{line}", str(line)), at_context
    return None


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
        context_line = mark_position(exc.context_mark)[0]
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
        line, col = mark_position(event.start_mark)
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
                shown_tag = event.tag.replace(STD_TAG, "!!", 1)
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


def mark_position(mark: Any) -> tuple[int, int]:
    """1-based line and column of a PyYAML mark (which may be missing)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
