"""`coach new`, `coach edit` and `coach path`, run as a user would, with a fake editor.

The fake editor is a small Python script run through $EDITOR or $VISUAL with arguments, as
`code --wait` would be: it logs each call and applies one regex substitution per call to the
file it is given, so a test says exactly what "the person" typed.
"""

from __future__ import annotations

import json
import os
import pty
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import RunCoach

MODELINE = "# yaml-language-server: $schema=routine.schema.json"
BUNDLED = Path(__file__).resolve().parents[2] / "routines"

FAKE_EDITOR = """\
import re
import sys
from pathlib import Path

log, *rules, target = sys.argv[1:]
calls = Path(log).read_text().splitlines() if Path(log).exists() else []
pattern, replacement = rules[min(len(calls), len(rules) - 1)].split("=>")
path = Path(target)
text = path.read_text(encoding="utf-8")
path.write_text(re.sub(pattern, replacement, text, count=1), encoding="utf-8")
with open(log, "a") as out:
    out.write(target + "\\n")
"""


@pytest.fixture(autouse=True)
def no_editor_from_the_developer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


@pytest.fixture
def fake_editor(tmp_path: Path) -> FakeEditor:
    folder = tmp_path / "fake editor"  # a space, so the command needs real quoting
    folder.mkdir()
    script = folder / "editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    return FakeEditor(script, folder)


class FakeEditor:
    def __init__(self, script: Path, folder: Path) -> None:
        self.script = script
        self.folder = folder

    def command(self, name: str, *rules: str) -> str:
        """An editor command line: python, the script, a call log, then one rule per call."""
        log = self.folder / f"{name}.log"
        words = [sys.executable, str(self.script), str(log), *rules]
        return " ".join(shlex.quote(w) for w in words)

    def calls(self, name: str) -> list[str]:
        log = self.folder / f"{name}.log"
        return log.read_text().splitlines() if log.exists() else []


def plan(coach: RunCoach, ref: str) -> dict[str, object]:
    result = coach("plan", ref, "--json")
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


# -- coach new ------------------------------------------------------------------------------


def test_new_writes_a_commented_template_that_validates(
    coach: RunCoach, isolated_folders: Path
) -> None:
    result = coach("new", "my-feet")
    assert result.returncode == 0, result.stderr
    path = isolated_folders / "config" / "routines" / "my-feet.yaml"
    assert str(path) in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 20
    checked = coach("validate", str(path))
    assert checked.returncode == 0, checked.stderr
    assert plan(coach, "my-feet")["name"] == "My feet"
    schema = path.parent / "routine.schema.json"
    assert json.loads(schema.read_text()) == json.loads(coach("schema").stdout)


def test_new_from_a_bundled_routine_is_a_copy_with_the_same_plan(
    coach: RunCoach, user_routines: Path
) -> None:
    result = coach("new", "my-daily", "--from", "foot-daily")
    assert result.returncode == 0, result.stderr
    lines = (user_routines / "my-daily.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == MODELINE
    assert lines[1].startswith("# Copied from") and "foot-daily" in lines[1]
    assert coach("validate", str(user_routines / "my-daily.yaml")).returncode == 0
    mine, bundled = plan(coach, "my-daily"), plan(coach, "foot-daily")
    assert mine["routine"] == "my-daily"
    # Bug #11: the copy had the same name, so two rows of `coach list` looked the same.
    assert (mine["name"], bundled["name"]) == ("Daily foot care (my copy)", "Daily foot care")
    assert (mine["segments"], mine["total_s"]) == (bundled["segments"], bundled["total_s"])
    assert (user_routines / "routine.schema.json").is_file()


def test_new_with_a_bundled_id_says_it_takes_that_routines_place(
    coach: RunCoach, user_routines: Path
) -> None:
    result = coach("new", "foot-quick", "--from", "foot-quick")
    assert result.returncode == 0, result.stderr
    assert "takes the place of the bundled routine foot-quick" in result.stderr
    assert coach("path", "foot-quick").stdout.strip() == str(user_routines / "foot-quick.yaml")


@pytest.mark.parametrize("existing", ["mine.yaml", "mine.yml"])
@pytest.mark.parametrize("source", [[], ["--from", "foot-quick"]])
def test_new_never_overwrites_a_file(
    coach: RunCoach, user_routines: Path, existing: str, source: list[str]
) -> None:
    path = user_routines / existing
    path.write_text("name: Mine\nsteps:\n  - {name: Hold, duration: 10s}\n", encoding="utf-8")
    before = path.read_bytes()
    result = coach("new", "mine", *source)
    assert result.returncode == 1
    assert f"{path} already exists" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in user_routines.iterdir()) == [existing]


@pytest.mark.parametrize(
    ("routine_id", "message"),
    [
        ("../escape", "cannot be a routine id"),
        ("my feet", "cannot be a routine id"),
        (".hidden", "cannot be a routine id"),
        ("sub/dir", "cannot be a routine id"),
        ("caf\u00e9", "cannot be a routine id"),
        ("x" * 65, "at most 64 characters"),
        ("exercises", "your exercise library"),
    ],
)
def test_new_refuses_an_id_that_is_not_a_plain_file_stem(
    coach: RunCoach, isolated_folders: Path, routine_id: str, message: str
) -> None:
    result = coach("new", routine_id)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    written = [p for p in isolated_folders.rglob("*") if p.is_file()]
    assert written == []


def test_new_from_an_unknown_routine_suggests_one_and_writes_nothing(
    coach: RunCoach, isolated_folders: Path
) -> None:
    result = coach("new", "mine", "--from", "foot-dialy")
    assert result.returncode == 1
    assert 'did you mean "foot-daily"' in result.stderr
    assert not (isolated_folders / "config" / "routines" / "mine.yaml").exists()


def test_new_from_a_broken_routine_shows_its_mistakes(coach: RunCoach, user_routines: Path) -> None:
    broken = user_routines / "broken.yaml"
    broken.write_text("name: Broken\nsteps:\n  - {name: A, duration: -1}\n", encoding="utf-8")
    result = coach("new", "fixed", "--from", "broken")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{broken}:3:")
    assert not (user_routines / "fixed.yaml").exists()


def test_new_refreshes_a_stale_schema_file(coach: RunCoach, user_routines: Path) -> None:
    schema = user_routines / "routine.schema.json"
    schema.write_text("{}\n", encoding="utf-8")
    assert coach("new", "mine").returncode == 0
    assert json.loads(schema.read_text()) == json.loads(coach("schema").stdout)


# -- coach edit -----------------------------------------------------------------------------


def test_edit_opens_the_editor_then_reports_the_routine_valid(
    coach: RunCoach,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert coach("new", "mine").returncode == 0
    path = user_routines / "mine.yaml"
    before = path.read_text(encoding="utf-8")
    total_before = plan(coach, "mine")["total_s"]
    monkeypatch.setenv("EDITOR", fake_editor.command("editor", "hold: 1s=>hold: 4s"))
    result = coach("edit", "mine")
    assert result.returncode == 0, result.stderr
    assert f"{path}: valid" in result.stdout
    assert fake_editor.calls("editor") == [str(path)]
    assert "hold: 4s" in path.read_text(encoding="utf-8")
    # 8 reps in 2 sets, each rep 3 s longer.
    assert plan(coach, "mine")["total_s"] == total_before + 2 * 8 * 3  # type: ignore[operator]
    assert (user_routines / "mine.yaml.bak").read_text(encoding="utf-8") == before


def test_edit_with_a_mistake_and_no_terminal_reports_it_and_exits_1(
    coach: RunCoach,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = user_routines / "mine.yaml"
    path.write_text("name: Mine\nsteps:\n  - name: Hold\n    duration: 10s\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", fake_editor.command("editor", "duration:=>durations:"))
    result = coach("edit", "mine")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{path}:3:5: an exercise step needs `duration` (a timed hold) or `reps`"
    assert lines[1].startswith(f"{path}:4:5: unknown key `durations`")
    assert "Open the editor again" not in result.stderr
    assert f"before this edit is in {path}.bak" in result.stderr
    assert len(fake_editor.calls("editor")) == 1
    assert "durations:" in path.read_text(encoding="utf-8")


def test_edit_of_a_bundled_routine_edits_a_copy_in_the_user_folder(
    coach: RunCoach,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundled_file = BUNDLED / "foot-daily.yaml"
    bundled_bytes = bundled_file.read_bytes()
    total_before = plan(coach, "foot-daily")["total_s"]
    monkeypatch.setenv("EDITOR", fake_editor.command("editor", "hold: 5s=>hold: 6s"))
    result = coach("edit", "foot-daily")
    assert result.returncode == 0, result.stderr
    copy = user_routines / "foot-daily.yaml"
    assert "bundled routine" in result.stderr and str(copy) in result.stderr
    assert fake_editor.calls("editor") == [str(copy)]
    assert copy.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    assert bundled_file.read_bytes() == bundled_bytes
    # The first `hold: 5s` is the toe splay's: 10 reps, one second longer each.
    assert plan(coach, "foot-daily")["total_s"] == total_before + 10  # type: ignore[operator]
    assert (user_routines / "routine.schema.json").is_file()
    assert not (user_routines / "foot-daily.yaml.bak").exists()


def test_edit_of_a_file_by_path_changes_it_in_place(
    coach: RunCoach,
    tmp_path: Path,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = elsewhere / "calf.yaml"
    path.write_text("name: Calf\nsteps:\n  - {name: Hold, duration: 10s}\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", fake_editor.command("editor", "10s=>40s"))
    result = coach("edit", str(path))
    assert result.returncode == 0, result.stderr
    assert "duration: 40s" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["calf.yaml", "calf.yaml.bak"]
    assert list(user_routines.iterdir()) == []


def test_visual_wins_over_editor(
    coach: RunCoach,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert coach("new", "mine").returncode == 0
    monkeypatch.setenv("VISUAL", fake_editor.command("visual", "hold: 1s=>hold: 3s"))
    monkeypatch.setenv("EDITOR", fake_editor.command("editor", "hold: 1s=>hold: 9s"))
    result = coach("edit", "mine")
    assert result.returncode == 0, result.stderr
    assert len(fake_editor.calls("visual")) == 1 and fake_editor.calls("editor") == []
    assert "hold: 3s" in (user_routines / "mine.yaml").read_text(encoding="utf-8")


def run_on_a_terminal(args: list[str], answers: str) -> subprocess.CompletedProcess[str]:
    """`coach ARGS` with a pseudo-terminal as stdin that already holds the typed `answers`."""
    controller, terminal = pty.openpty()
    try:
        os.write(controller, answers.encode())
        result = subprocess.run(
            [sys.executable, "-m", "coach", *args],
            stdin=terminal,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "COACH_AUDIO": "silent"},
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return result


@pytest.mark.parametrize(
    ("answers", "code", "calls"),
    [("\n", 0, 2), ("y\n", 0, 2), ("n\n", 1, 1)],
)
def test_on_a_terminal_edit_offers_to_reopen_the_editor(
    coach: RunCoach,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
    answers: str,
    code: int,
    calls: int,
) -> None:
    assert coach("new", "mine").returncode == 0
    # First call: a typo. Second call: the typo fixed.
    command = fake_editor.command("editor", "sets: 2=>sets: two", "sets: two=>sets: 3")
    monkeypatch.setenv("EDITOR", command)
    result = run_on_a_terminal(["edit", "mine"], answers)
    assert result.returncode == code, result.stderr
    assert "Open the editor again? [Y/n]" in result.stderr
    assert "`sets` must be a whole number" in result.stderr
    assert len(fake_editor.calls("editor")) == calls
    final = (user_routines / "mine.yaml").read_text(encoding="utf-8")
    assert ("sets: 3" in final) == (code == 0)


def test_edit_without_any_editor_says_how_to_set_one(
    coach: RunCoach, user_routines: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert coach("new", "mine").returncode == 0
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("EDITOR", "  ")
    result = coach("edit", "mine")
    assert result.returncode == 1
    assert "no editor found" in result.stderr and "EDITOR" in result.stderr


def test_edit_with_an_editor_that_does_not_exist_says_so(
    coach: RunCoach, user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert coach("new", "mine").returncode == 0
    monkeypatch.setenv("EDITOR", "no-such-editor-here --wait")
    result = coach("edit", "mine")
    assert result.returncode == 1
    assert "cannot start the editor 'no-such-editor-here' (from $EDITOR)" in result.stderr
    assert "Traceback" not in result.stderr


def test_edit_of_an_unknown_routine_suggests_one(coach: RunCoach) -> None:
    result = coach("edit", "foot-dialy")
    assert result.returncode == 1
    assert 'did you mean "foot-daily"' in result.stderr
    assert "coach new foot-dialy" in result.stderr


# -- coach path -----------------------------------------------------------------------------


def test_path_without_id_is_the_user_routine_folder(
    coach: RunCoach, isolated_folders: Path
) -> None:
    result = coach("path")
    assert result.returncode == 0
    assert result.stdout == f"{isolated_folders / 'config' / 'routines'}\n"


def test_path_of_a_routine_is_its_file(coach: RunCoach, user_routines: Path) -> None:
    bundled = coach("path", "foot-daily")
    assert bundled.returncode == 0
    assert Path(bundled.stdout.strip()).samefile(BUNDLED / "foot-daily.yaml")
    assert coach("new", "mine").returncode == 0
    assert coach("path", "mine").stdout == f"{user_routines / 'mine.yaml'}\n"


def test_path_of_an_unknown_routine_exits_1_with_a_suggestion(coach: RunCoach) -> None:
    result = coach("path", "foot-qiuck")
    assert result.returncode == 1
    assert 'did you mean "foot-quick"' in result.stderr
    assert result.stdout == ""


def test_a_second_failed_edit_keeps_the_last_version_that_validated_in_bak(
    coach: RunCoach,
    user_routines: Path,
    fake_editor: FakeEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Bug #11: every edit overwrote the .bak, so a second try lost the good original."""
    path = user_routines / "mine.yaml"
    good = "name: Mine\nsteps:\n  - name: Hold\n    duration: 10s\n"
    path.write_text(good, encoding="utf-8")
    monkeypatch.setenv("EDITOR", fake_editor.command("first", "duration:=>durations:"))
    assert coach("edit", "mine").returncode == 1
    monkeypatch.setenv("EDITOR", fake_editor.command("second", "Mine=>Still mine"))
    result = coach("edit", "mine")
    assert result.returncode == 1
    assert "Still mine" in path.read_text(encoding="utf-8")
    assert (user_routines / "mine.yaml.bak").read_text(encoding="utf-8") == good
    assert f"the last version you saved with no mistakes is in {path}.bak" in result.stderr
