"""Problems found in a user's file, reported as `PATH:LINE:COL: message`."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

#: What YAML counts as a line break, so our line numbers agree with the parser's.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a file, with 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # One problem is one line, whatever a file name or a quoted value holds.
        return one_line(f"{self.path}:{self.line}:{self.col}: {self.message}")


class FileProblems(Exception):
    """A file could not be used; `problems` says where and why, first problem first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def one_line(text: str) -> str:
    """`text` with line breaks written as escapes."""
    return _LINE_BREAK.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown(value: object, limit: int = 40) -> str:
    """A value from a file as a message quotes it: escaped, and cut short if long."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return repr(text)


def suggest(word: str, choices: Collection[str]) -> str:
    """' (did you mean "x"?)' for a near miss, else ''. Here rather than beside the YAML reader
    so that settings and the plan can use it without importing PyYAML."""
    import difflib  # only when a word is not known: not with every file read

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
