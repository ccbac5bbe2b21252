"""Every example in docs/routines.md is checked with the real loader and timeline.

How the page marks its examples (this test enforces the conventions):

- A ```yaml block without a title is a whole routine: it must load and expand.
- ```yaml title="snippet" is part of a file: it only has to be well-formed YAML.
- ```yaml title="exercises.yaml" is a user's exercise library, laid over the bundled one.
- ```yaml title="mistakes" is a routine with mistakes; the next ```text block is exactly what
  coach reports for it, as a file called `my-feet.yaml`.
- A table whose header starts with `| starts at |` is the timeline of the closest whole
  routine above it.
- Other blocks (```sh, ```text) are prose.

The tables of exercises, sound events, sound files and limits are compared with the real ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from coach import locations, text
from coach.problems import FileProblems
from coach.routine import progression
from coach.routine.files import LIBRARY_FILE
from coach.routine.loader import (
    EXERCISE_STEP_KEYS,
    ROUTINE_KEYS,
    load_exercises,
    parse_routine,
)
from coach.routine.model import (
    MAX_EVERY_DAYS,
    MAX_REPEAT,
    MAX_REPS,
    MAX_SETS,
    SOUND_EVENTS,
    TEMPO_PHASES,
    ExerciseStep,
    Routine,
)
from coach.routine.template import MAX_ID_LENGTH, MODELINE
from coach.routine.timeline import MAX_SEGMENTS, MAX_TOTAL_S, expand
from coach.yamlfile import MAX_BYTES, MAX_DEPTH, MAX_DURATION_S, MAX_NODES

PAGE = Path(__file__).resolve().parents[2] / "docs" / "routines.md"
TITLES = {None, "snippet", "exercises.yaml", "mistakes"}
SOUNDS = {p.stem for p in locations.bundled_dir("sounds").glob("*.wav")}
LIBRARY = load_exercises(locations.bundled_dir("routines") / LIBRARY_FILE)
EXPANSION_RULES = (
    "Each exercise step gives one prepare segment (when prepare > 0), then per set one work"
    " segment per side with a switch between the sides, and a rest between sets, none after the"
    " last; a repeat block gives its steps N times with its rest between rounds; a rest step is"
    " one rest segment; zero-length prepare/rest/switch segments are left out."
)


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the opening fence
    lang: str
    title: str | None
    body: str
    section: str  # the `## ` heading above it
    subsection: str  # the `### ` heading above it, or ""

    @property
    def is_routine(self) -> bool:
        return self.lang == "yaml" and self.title is None


@dataclass(frozen=True)
class Table:
    line: int
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    section: str
    subsection: str


def read_page() -> list[Block | Table]:
    """The page's fenced blocks and tables, in order, with the headings they sit under."""
    items: list[Block | Table] = []
    section = subsection = ""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            info = line[3:].strip()
            title = re.search(r'title="([^"]*)"', info)
            end = lines.index("```", i + 1)
            body = "\n".join(lines[i + 1 : end]) + "\n"
            lang = info.split()[0] if info else ""
            items.append(Block(i + 1, lang, title and title.group(1), body, section, subsection))
            i = end + 1
            continue
        if line.startswith("|"):
            start = i
            while i < len(lines) and lines[i].startswith("|"):
                i += 1
            cells = [tuple(c.strip() for c in row.strip("|").split("|")) for row in lines[start:i]]
            items.append(Table(start + 1, cells[0], tuple(cells[2:]), section, subsection))
            continue
        if line.startswith("## "):
            section, subsection = line[3:].strip(), ""
        elif line.startswith("### "):
            subsection = line[4:].strip()
        i += 1
    return items


ITEMS = read_page()
BLOCKS = [item for item in ITEMS if isinstance(item, Block)]
YAML_BLOCKS = [b for b in BLOCKS if b.lang == "yaml"]
ROUTINES = [b for b in BLOCKS if b.is_routine]
TIMELINE_TABLES = [t for t in ITEMS if isinstance(t, Table) and t.header[0] == "starts at"]


def by_line(items: list[Block]) -> list[object]:
    return [pytest.param(item, id=f"line {item.line}") for item in items]


def load(block: Block, name: str | None = None) -> Routine:
    return parse_routine(block.body, name or f"{PAGE.name}:{block.line}", LIBRARY, SOUNDS)


def table(section: str, subsection: str = "") -> Table:
    found = [
        t
        for t in ITEMS
        if isinstance(t, Table) and t.section == section and t.subsection == subsection
    ]
    assert len(found) == 1, f"expected one table under {section} / {subsection}"
    return found[0]


def test_every_yaml_example_is_marked_with_a_known_kind() -> None:
    assert len(ROUTINES) >= 25
    assert {b.title for b in YAML_BLOCKS} == TITLES


@pytest.mark.parametrize("block", by_line(ROUTINES))
def test_each_whole_routine_loads_and_expands(block: Block) -> None:
    routine = load(block)
    assert expand(routine).segments


@pytest.mark.parametrize("block", by_line([b for b in YAML_BLOCKS if b.title == "snippet"]))
def test_each_snippet_is_well_formed_yaml(block: Block) -> None:
    yaml.safe_load(block.body)


@pytest.mark.parametrize("block", by_line([b for b in YAML_BLOCKS if b.title == "exercises.yaml"]))
def test_each_exercise_library_example_loads_over_the_bundled_one(
    block: Block, tmp_path: Path
) -> None:
    path = tmp_path / LIBRARY_FILE
    path.write_text(block.body, encoding="utf-8")
    library = load_exercises(path, LIBRARY)
    written = yaml.safe_load(block.body)
    assert set(written) <= set(library)
    assert set(LIBRARY) <= set(library)
    for exercise_id, fields in written.items():
        for key, value in fields.items():
            got = getattr(library[exercise_id], key)
            if key == "drawing":  # a bundled drawing's id, or poses of its own
                expected_id = value if isinstance(value, str) else exercise_id
                assert got is not None and got.id == expected_id
                continue
            assert got == (tuple(value) if isinstance(value, list) else value)


MISTAKES = [b for b in YAML_BLOCKS if b.title == "mistakes"]


@pytest.mark.parametrize("block", by_line(MISTAKES))
def test_each_mistake_example_reports_exactly_what_the_page_says(block: Block) -> None:
    after = next(b for b in BLOCKS if b.line > block.line)
    assert after.lang == "text", "a mistakes example is followed by the report"
    with pytest.raises(FileProblems) as caught:
        load(block, "my-feet.yaml")
    assert [str(p) for p in caught.value.problems] == after.body.splitlines()


def test_the_page_shows_several_kinds_of_mistake() -> None:
    assert len(MISTAKES) >= 3


def row_of(segment_start: float, kind: str, side: object, set_: object, round_: object,
           seconds: float | None) -> tuple[str, ...]:  # fmt: skip
    def cell(value: object) -> str:
        return "" if value is None else str(value)

    length = "your pace" if seconds is None else f"{seconds:g}"
    return (text.clock(segment_start), kind, cell(side), cell(set_), cell(round_), length)


@pytest.mark.parametrize("table_", [pytest.param(t, id=f"line {t.line}") for t in TIMELINE_TABLES])
def test_each_timeline_table_is_what_the_routine_above_it_expands_to(table_: Table) -> None:
    assert table_.header == ("starts at", "segment", "side", "set", "round", "seconds")
    routine_block = [b for b in ROUTINES if b.line < table_.line][-1]
    timeline = expand(load(routine_block))
    expected = [
        row_of(s.start_s, s.kind, s.side, s.set, s.round, s.duration_s) for s in timeline.segments
    ]
    assert list(table_.rows) == expected


def test_the_92_second_example_is_documented_with_its_timeline() -> None:
    totals = []
    for table_ in TIMELINE_TABLES:
        routine_block = [b for b in ROUTINES if b.line < table_.line][-1]
        totals.append(expand(load(routine_block)).total_s)
    assert 92.0 in totals


def test_the_expansion_rules_are_quoted_word_for_word() -> None:
    quoted = " ".join(
        line[2:] for line in PAGE.read_text(encoding="utf-8").splitlines() if line.startswith("> ")
    )
    assert EXPANSION_RULES in quoted


def headed(section: str, subsection: str) -> list[Block]:
    return [b for b in ROUTINES if b.section == section and b.subsection == subsection]


def uses_key(body: str, key: str) -> bool:
    return re.search(rf"(^|[\s{{,])-?\s*{re.escape(key)}:", body, re.MULTILINE) is not None


@pytest.mark.parametrize(
    ("section", "key"),
    [("Routine keys", k) for k in ROUTINE_KEYS]
    + [("Exercise steps", k) for k in EXERCISE_STEP_KEYS],
)
def test_every_key_has_its_own_heading_and_an_example_using_it(section: str, key: str) -> None:
    examples = headed(section, f"`{key}`")
    assert examples, f"no `### \\`{key}\\`` with an example under `## {section}`"
    assert any(uses_key(b.body, key) for b in examples)


@pytest.mark.parametrize(("section", "key"), [("Rest steps", "rest"), ("Repeat blocks", "repeat")])
def test_rest_steps_and_repeat_blocks_have_examples(section: str, key: str) -> None:
    assert any(re.search(rf"^\s*- {key}:", b.body, re.MULTILINE) for b in headed(section, ""))


@pytest.mark.parametrize("phase", TEMPO_PHASES)
def test_the_tempo_example_uses_every_phase(phase: str) -> None:
    assert any(uses_key(b.body, phase) for b in headed("Exercise steps", "`tempo`"))


def test_the_library_table_lists_every_bundled_exercise_in_order() -> None:
    found = table("The exercise library")
    assert found.header == ("id", "name", "sides")
    documented = [(row[0].strip("`"), row[1], row[2]) for row in found.rows]
    assert documented == [(e.id, e.name, e.sides) for e in LIBRARY.values()]


def test_the_sound_events_table_lists_every_event() -> None:
    found = table("Sounds", "Sound events")
    assert tuple(row[0].strip("`") for row in found.rows) == SOUND_EVENTS
    tempo = next(row for row in found.rows if row[0] == "`tempo`")
    assert {f"tempo-{p}" for p in TEMPO_PHASES} == set(re.findall(r"`([^`]+)`", tempo[2]))


def test_the_sound_files_table_lists_every_bundled_sound() -> None:
    found = table("Sounds", "Sound files")
    assert {row[0].strip("`").removesuffix(".wav") for row in found.rows} == SOUNDS


def test_the_limits_table_matches_the_real_caps() -> None:
    limits = {row[0]: row[1] for row in table("Limits").rows}
    assert limits == {
        "file size": f"{MAX_BYTES // 1024} KiB",
        "nesting of lists and mappings": f"{MAX_DEPTH} levels",
        "values in a file, counting YAML aliases as what they stand for": f"{MAX_NODES:,} values",
        "segments in the timeline": f"{MAX_SEGMENTS:,} segments",
        "planned length of a routine": f"{MAX_TOTAL_S / 3600:g} hours",
        "one duration": f"{MAX_DURATION_S / 3600:g} hours",
        "`sets`": f"{MAX_SETS:,}",
        "`reps`": f"{MAX_REPS:,}",
        "`repeat`": f"{MAX_REPEAT:,}",
        "`every` of `progress`": f"{MAX_EVERY_DAYS} days",
        "a routine id made by `coach new`": f"{MAX_ID_LENGTH} characters",
    }


def test_the_modeline_on_the_page_is_the_one_coach_writes() -> None:
    section = [b for b in YAML_BLOCKS if b.section == "Editor support"]
    assert [b.body.strip() for b in section] == [MODELINE]
    first_example = ROUTINES[0].body.splitlines()[0]
    assert first_example == MODELINE


def test_a_step_of_your_own_without_sides_has_none() -> None:
    # The page promises this in the `sides` section.
    routine = parse_routine(
        "name: A\nsteps:\n  - {name: B, duration: 5}\n", "a.yaml", LIBRARY, SOUNDS
    )
    step = routine.steps[0]
    assert getattr(step, "sides", None) == "none"


def test_the_progression_table_is_what_the_example_above_it_grows_to() -> None:
    found = table("Progression")
    assert found.header == ("completed days", "calf stretch", "calf raise")
    (routine_block,) = [b for b in headed("Progression", "") if b.line < found.line]
    routine = load(routine_block)
    for row in found.rows:
        stretch, raise_ = progression.apply(routine, int(row[0])).steps
        assert isinstance(stretch, ExerciseStep) and isinstance(raise_, ExerciseStep)
        assert stretch.duration is not None and raise_.reps is not None
        assert row[1:] == (text.length(stretch.duration), text.reps(raise_.reps))
    assert {int(row[0]) for row in found.rows} >= {0, 6, 7, 14}


def test_the_progression_reasons_are_what_coach_plan_prints() -> None:
    (routine_block,) = headed("Progression", "")
    shown = next(b for b in BLOCKS if b.section == "Progression" and b.lang == "text")
    after = re.search(r"After (\d+) completed\s+days", PAGE.read_text(encoding="utf-8"))
    assert after is not None
    reasons = progression.explanations(progression.apply(load(routine_block), int(after[1])))
    assert shown.body.splitlines() == [f"  today: {why}" for why in reasons]
