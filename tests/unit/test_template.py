"""The new-routine template, copies of routines, and the careful file writes behind them."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from coach import files, locations
from coach.files import backup_path, write_atomic, write_new
from coach.routine.files import LIBRARY_FILE
from coach.routine.loader import (
    EXERCISE_STEP_KEYS,
    REPEAT_KEYS,
    ROUTINE_KEYS,
    load_exercises,
    parse_routine,
)
from coach.routine.model import SOUND_EVENTS, TEMPO_PHASES, Exercise, Routine
from coach.routine.schema import routine_schema
from coach.routine.template import (
    MODELINE,
    SCHEMA_FILE,
    copied_text,
    display_name,
    id_problem,
    refresh_schema,
    template_text,
)
from coach.routine.timeline import expand

BUNDLED = locations.bundled_dir("routines")
SOUNDS = {p.stem for p in locations.bundled_dir("sounds").glob("*.wav")}


@pytest.fixture(scope="module")
def library() -> dict[str, Exercise]:
    return load_exercises(BUNDLED / LIBRARY_FILE)


def load(text: str, library: dict[str, Exercise]) -> Routine:
    return parse_routine(text, "test.yaml", library, SOUNDS)


# -- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize("routine_id", ["my-feet", "a", "Calf_2", "9am", "x" * 64])
def test_plain_file_stems_are_good_ids(routine_id: str) -> None:
    assert id_problem(routine_id) is None


@pytest.mark.parametrize(
    "routine_id",
    ["", "-x", "_x", ".x", "a.b", "a/b", "..", "a b", "a\n", "caf\u00e9", "x" * 65, "exercises"],
)
def test_anything_else_is_refused_with_a_reason(routine_id: str) -> None:
    problem = id_problem(routine_id)
    assert problem is not None and len(problem) > 20


@pytest.mark.parametrize(
    ("routine_id", "name"),
    [("my-feet", "My feet"), ("calf__stretch-2", "Calf stretch 2"), ("AM", "AM"), ("x", "X")],
)
def test_display_name_reads_like_a_title(routine_id: str, name: str) -> None:
    assert display_name(routine_id) == name


# -- the template ---------------------------------------------------------------------------


def test_the_template_is_a_valid_routine(library: dict[str, Exercise]) -> None:
    text = template_text("my-feet")
    routine = load(text, library)
    assert routine.name == "My feet"
    assert text.splitlines()[0] == MODELINE
    assert "coach plan my-feet" in text


KEYS = sorted(
    {*ROUTINE_KEYS, *EXERCISE_STEP_KEYS, *REPEAT_KEYS, *TEMPO_PHASES, *SOUND_EVENTS, "sides"}
)


@pytest.mark.parametrize("key", KEYS)
def test_the_template_shows_every_key(key: str) -> None:
    # As a key in use, or as a key in a commented-out example, or named in a comment.
    text = template_text("mine")
    used = re.search(rf"^[ #]*(- )?{re.escape(key)}:", text, re.MULTILINE)
    named = re.search(rf"^ *#.*\b{re.escape(key)}\b", text, re.MULTILINE)
    assert used or named


@pytest.mark.parametrize("key", [*ROUTINE_KEYS, "exercise", "duration", "reps", "repeat"])
def test_the_template_explains_each_main_key_in_a_comment(key: str) -> None:
    text = template_text("mine")
    comments = [line.partition("#")[2] for line in text.splitlines() if "#" in line]
    assert any(re.search(rf"\b{key}\b", comment) for comment in comments), key


# -- copies ---------------------------------------------------------------------------------


ROUTINE_FILES = sorted(p.name for p in BUNDLED.glob("*.yaml") if p.name != LIBRARY_FILE)


@pytest.mark.parametrize("name", ROUTINE_FILES)
def test_a_copy_of_each_bundled_routine_loads_the_same(
    name: str, library: dict[str, Exercise]
) -> None:
    source = (BUNDLED / name).read_text(encoding="utf-8")
    copy = copied_text(source, f"the bundled routine {name}")
    lines = copy.splitlines()
    assert lines[0] == MODELINE
    assert lines[1] == f"# Copied from the bundled routine {name}."
    original, copied = load(source, library), load(copy, library)
    assert expand(copied).segments == expand(original).segments
    assert (copied.name, copied.description) == (original.name, original.description)


@pytest.mark.parametrize(
    "source",
    [
        f"{MODELINE}\nname: A\n",
        f"\ufeff{MODELINE}\nname: A\n",
        "# yaml-language-server: $schema=elsewhere.json\nname: A",
    ],
)
def test_a_copy_has_one_modeline_whatever_the_source_had(source: str) -> None:
    copy = copied_text(source, "x.yaml")
    assert copy == f"{MODELINE}\n# Copied from x.yaml.\nname: A\n"


def test_the_origin_line_stays_one_comment_line() -> None:
    copy = copied_text("name: A\n", "odd\nname.yaml")
    assert copy.splitlines()[1:] == ["# Copied from odd\\nname.yaml.", "name: A"]


# -- the schema file ------------------------------------------------------------------------


def test_refresh_schema_writes_it_once_and_again_only_when_it_differs(tmp_path: Path) -> None:
    path = tmp_path / SCHEMA_FILE
    assert refresh_schema(tmp_path) == path
    assert json.loads(path.read_text(encoding="utf-8")) == routine_schema()
    assert refresh_schema(tmp_path) is None
    path.write_text('{"stale": true}\n', encoding="utf-8")
    assert refresh_schema(tmp_path) == path
    assert json.loads(path.read_text(encoding="utf-8")) == routine_schema()
    assert not backup_path(path).exists()


def test_refresh_schema_replaces_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / SCHEMA_FILE
    path.write_bytes(b"\xff\xfe not text")
    assert refresh_schema(tmp_path) == path
    assert json.loads(path.read_text(encoding="utf-8")) == routine_schema()


# -- atomic writes --------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "routines"
    path.mkdir()
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_creates_a_file_without_a_backup(folder: Path) -> None:
    path = folder / "mine.yaml"
    assert write_atomic(path, "name: A\n", backup=True) is None
    assert path.read_text(encoding="utf-8") == "name: A\n"
    assert sorted(p.name for p in folder.iterdir()) == ["mine.yaml"]


def test_write_atomic_keeps_the_previous_version_as_bak(folder: Path) -> None:
    path = folder / "mine.yaml"
    path.write_text("version 1\n", encoding="utf-8")
    assert write_atomic(path, "version 2\n", backup=True) == folder / "mine.yaml.bak"
    assert write_atomic(path, b"version 3\n", backup=True) == folder / "mine.yaml.bak"
    assert path.read_text(encoding="utf-8") == "version 3\n"
    assert (folder / "mine.yaml.bak").read_text(encoding="utf-8") == "version 2\n"
    assert leftovers(folder) == []


def test_write_atomic_without_backup_leaves_no_bak(folder: Path) -> None:
    path = folder / "mine.yaml"
    path.write_text("old\n", encoding="utf-8")
    assert write_atomic(path, "new\n") is None
    assert path.read_text(encoding="utf-8") == "new\n"
    assert not backup_path(path).exists()


def test_write_atomic_keeps_the_files_permissions(folder: Path) -> None:
    path = folder / "mine.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, "new\n", backup=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "mine.yaml"
    path.write_text("precious\n", encoding="utf-8")

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in folder.iterdir()) == ["mine.yaml"]


def test_a_failure_while_writing_the_data_removes_the_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "mine.yaml"

    def fail(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output"):
        write_atomic(path, "new\n")
    assert list(folder.iterdir()) == []


def test_the_temporary_file_takes_a_fresh_name_when_one_is_taken(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = iter(["taken", "taken", "free"])
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: next(names))
    (folder / ".mine.yaml.taken.tmp").write_text("someone else's\n", encoding="utf-8")
    write_atomic(folder / "mine.yaml", "mine\n")
    assert (folder / "mine.yaml").read_text(encoding="utf-8") == "mine\n"
    assert (folder / ".mine.yaml.taken.tmp").read_text(encoding="utf-8") == "someone else's\n"


# -- new files ------------------------------------------------------------------------------


def test_write_new_creates_the_file(folder: Path) -> None:
    path = folder / "mine.yaml"
    write_new(path, "name: A\n")
    assert path.read_text(encoding="utf-8") == "name: A\n"
    assert sorted(p.name for p in folder.iterdir()) == ["mine.yaml"]


def test_write_new_refuses_an_existing_file_and_leaves_it_alone(folder: Path) -> None:
    path = folder / "mine.yaml"
    path.write_text("precious\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_new(path, "name: A\n")
    assert path.read_text(encoding="utf-8") == "precious\n"
    assert leftovers(folder) == []


@pytest.mark.parametrize("exists", [False, True])
def test_write_new_without_hard_links_still_never_overwrites(
    folder: Path, monkeypatch: pytest.MonkeyPatch, exists: bool
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    path = folder / "mine.yaml"
    if exists:
        path.write_text("precious\n", encoding="utf-8")
        with pytest.raises(FileExistsError):
            write_new(path, "name: A\n")
    else:
        write_new(path, "name: A\n")
    expected = "precious\n" if exists else "name: A\n"
    assert path.read_text(encoding="utf-8") == expected
    assert leftovers(folder) == []


def test_new_files_get_the_usual_permissions(folder: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_new(folder / "a.yaml", "a\n")
        write_atomic(folder / "b.yaml", "b\n")
    finally:
        os.umask(mask)
    for name in ("a.yaml", "b.yaml"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o644


def test_the_catalog_copies_a_routine_into_the_users_folder_once() -> None:
    """The one copy operation behind `coach new --from`, `coach edit` and the app's editor and
    Duplicate dialog: a first comment naming the original, the schema beside it, and an
    existing file never replaced."""
    from coach.routine.catalog import Catalog

    catalog = Catalog.default()
    bundled = catalog.find("foot-daily")
    assert bundled.source == "bundled" and catalog.user_file("foot-daily") is None
    path = catalog.copy_to_user(bundled)
    assert path == catalog.user_file("foot-daily") == catalog.user_dir / "foot-daily.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [MODELINE, "# Copied from coach's bundled routine foot-daily."]
    assert (catalog.user_dir / SCHEMA_FILE).is_file()
    assert catalog.hides_bundled("foot-daily") and not catalog.hides_bundled("mine")
    mine = catalog.find("foot-daily")
    assert mine.source == "user" and mine.routine is not None
    assert bundled.routine is not None and mine.routine.name == bundled.routine.name
    with pytest.raises(FileExistsError):
        catalog.copy_to_user(bundled)
    copy = catalog.copy_to_user(mine, "mine")
    assert f"# Copied from your routine foot-daily ({path})." in copy.read_text(encoding="utf-8")


def test_write_atomic_through_a_link_replaces_its_target_and_keeps_the_link(folder: Path) -> None:
    """Routine files kept in a dotfiles folder and linked into coach's stay linked."""
    target = folder / "kept-elsewhere.yaml"
    target.write_text("old\n")
    link = folder / "mine.yaml"
    link.symlink_to(target)
    write_atomic(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"
