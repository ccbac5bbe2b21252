"""Broken routine files, one per kind of breakage: each is refused with the right location and
message, quickly and within bounded memory, by the loader and by `coach validate`.

The small files live in tests/corpus/ with their expectations in tests/corpus/expected.yaml;
the big or hostile ones are built here at test time so the repository stays small.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from coach.problems import FileProblems, Problem
from coach.routine.loader import load_routine
from coach.routine.model import Exercise
from coach.yamlfile import MAX_BYTES, MAX_PROBLEMS

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
EXPECTED: dict[str, list[object]] = yaml.safe_load((CORPUS / "expected.yaml").read_text())

#: The ids the corpus uses, as in the bundled library, so the CLI agrees with the loader here.
LIBRARY = {
    "calf-stretch": Exercise("calf-stretch", "Calf stretch", sides="both"),
    "soleus-stretch": Exercise("soleus-stretch", "Soleus stretch", sides="both"),
    "toe-splay": Exercise("toe-splay", "Toe splay"),
}
PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>\S.*)$")
#: A generous guard that a refusal never hangs; not a benchmark.
SECONDS = 1.0
MEGABYTES = 50


def _refusal(path: Path) -> tuple[list[Problem], float]:
    start = time.perf_counter()
    with pytest.raises(FileProblems) as caught:
        load_routine(path, LIBRARY)
    return caught.value.problems, time.perf_counter() - start


def _assert_well_formed(problems: list[Problem], path: Path) -> None:
    assert problems
    for problem in problems:
        assert problem.path == str(path)
        assert problem.line >= 1 and problem.col >= 1
        assert PROBLEM_LINE.match(str(problem)), str(problem)


def test_the_corpus_and_its_expectations_match() -> None:
    files = {p.name for p in CORPUS.iterdir()} - {"expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_is_refused_at_its_place(name: str) -> None:
    line, col, message = EXPECTED[name]
    path = CORPUS / name
    problems, seconds = _refusal(path)
    _assert_well_formed(problems, path)
    found = [(p.line, p.col, p.message) for p in problems]
    assert any((p.line, p.col) == (line, col) and str(message) in p.message for p in problems), (
        found
    )
    assert seconds < SECONDS


def _nested_blocks(levels: int) -> bytes:
    lines = ["name: Deep", "steps:"]
    lines += [" " * (2 * i + 2) + f"k{i}:" for i in range(levels)]
    return "\n".join(lines).encode()


def _laughs(levels: int) -> bytes:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    lines += ["name: Laughs", f"steps: *l{levels - 1}"]
    return "\n".join(lines).encode()


def _many_broken_steps(count: int) -> bytes:
    return b"name: Many\nsteps:\n" + b"- {exercise: calf-strech, duration: 0}\n" * count


def _step(extra: bytes) -> bytes:
    """A routine of one step, with `extra` as the step's last key."""
    return b"name: x\nsteps: [{name: y, " + extra + b"}]"


def _too_many_values() -> bytes:
    step = b"- {n: 1, r: 1, s: 1}\n"
    return b"name: Many\nsteps:\n" + step * ((MAX_BYTES - 20) // len(step))


#: Files too big, deep or slow to keep in the repository: (name, bytes, LINE, COL, message).
#: LINE or COL None: the place depends on the YAML parser's look-ahead, so only the message counts.
GENERATED: list[tuple[str, Callable[[], bytes], int | None, int | None, str]] = [
    ("huge-file", lambda: b"# padding\n" * (MAX_BYTES // 10 + 1), 1, 1, "larger than 256 KiB"),
    ("deep-flow-10000", lambda: b"name: x\nsteps: " + b"[" * 10_000, 2, None, "40 levels deep"),
    ("deep-blocks-500", lambda: _nested_blocks(500), 42, 81, "nested more than 40 levels"),
    ("laughs-20-levels", lambda: _laughs(20), 5, 25, "once aliases are expanded"),
    ("too-many-values", _too_many_values, None, None, "more than 50,000 values"),
    (
        "spaces-in-duration",
        lambda: _step(b'duration: "' + b" " * 200_000 + b'x"'),
        2,
        29,
        "must be a duration like",
    ),
    (
        "digits-in-duration",
        lambda: _step(b"duration: " + b"9" * 200_000),
        2,
        29,
        "at most 24 hours",
    ),
    (
        "digits-in-sets",
        lambda: _step(b"reps: 1, sets: " + b"9" * 200_000),
        2,
        34,
        "between 1 and 100",
    ),
    ("long-key", lambda: _step(b"k" * 1000 + b": 1"), 2, 19, "unknown key `kkkk"),
    ("many-broken-steps", lambda: _many_broken_steps(5000), 3, 14, "unknown exercise"),
]


@pytest.mark.parametrize(
    ("name", "build", "line", "col", "message"), GENERATED, ids=[g[0] for g in GENERATED]
)
def test_big_and_hostile_files_are_refused_quickly(
    tmp_path: Path,
    name: str,
    build: Callable[[], bytes],
    line: int | None,
    col: int | None,
    message: str,
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(build())
    problems, seconds = _refusal(path)
    _assert_well_formed(problems, path)
    assert any(
        message in p.message and line in (None, p.line) and col in (None, p.col) for p in problems
    ), [str(p) for p in problems]
    assert seconds < SECONDS
    assert len(problems) <= MAX_PROBLEMS + 1


def test_a_file_with_thousands_of_mistakes_reports_the_first_ones_and_stops(
    tmp_path: Path,
) -> None:
    path = tmp_path / "many.yaml"
    path.write_bytes(_many_broken_steps(1000))
    problems, _ = _refusal(path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0].line == 3
    assert problems[-1].message == f"stopped after {MAX_PROBLEMS} problems; fix those first"


BOMBS = ["billion-laughs.yaml", "recursive-alias.yaml", "deep-flow.yaml", "deep-nesting.yaml"]


@pytest.mark.parametrize(
    "build",
    [
        *(lambda name=name: (CORPUS / name).read_bytes() for name in BOMBS),
        lambda: _laughs(30),
        lambda: b"name: x\nsteps: " + b"[" * 100_000,
        lambda: _nested_blocks(2000),
        _too_many_values,
    ],
    ids=[*BOMBS, "laughs-30-levels", "deep-flow-100000", "deep-blocks-2000", "too-many-values"],
)
def test_bombs_are_refused_within_bounded_memory(
    tmp_path: Path, build: Callable[[], bytes]
) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_bytes(build())
    tracemalloc.start()
    try:
        with pytest.raises(FileProblems):
            load_routine(path, LIBRARY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEGABYTES * 1024 * 1024


def _validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", "validate", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


CLI_FILES = [
    "duplicate-key.yaml",
    "python-tag.yaml",
    "billion-laughs.yaml",
    "latin1.yaml",
    "binary.yaml",
    "unknown-key-step.yaml",
    "merge-key.yaml",
    "unknown-exercise.yaml",
]


@pytest.mark.parametrize("name", CLI_FILES)
def test_validate_prints_one_line_per_problem_and_exits_1(name: str) -> None:
    path = CORPUS / name
    expected, _ = _refusal(path)
    result = _validate(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [str(p) for p in expected]
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match and match["path"] == str(path)
    assert result.stdout == ""


def test_validate_reports_every_file_it_is_given(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    paths = [CORPUS / "nan-duration.yaml", huge, CORPUS / "deep-flow.yaml"]
    result = _validate(*paths)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(p) for p in paths]
    assert all(PROBLEM_LINE.match(line) for line in lines)


def test_validate_accepts_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("name: Good\nsteps:\n  - {exercise: calf-stretch, duration: 30s}\n")
    result = _validate(good)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 file valid\n", "")
