"""`coach list`, `plan`, `validate`, `schema` and `exercises`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import RunCoach

BUNDLED = {"foot-daily", "foot-quick", "foot-beginner", "bedtime-calves", "cramp-relief"}


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_list_json_has_every_bundled_routine_with_the_contract_fields(coach: RunCoach) -> None:
    result = coach("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["id"] for row in rows} >= BUNDLED
    for row in rows:
        assert set(row) == {"id", "name", "total_s", "exercises", "source", "path", "error"}
        assert row["error"] is None
        assert row["source"] == "bundled"
        assert row["total_s"] > 0 or row["id"] == "cramp-relief"


def test_list_puts_user_routines_first_and_shows_broken_files(
    coach: RunCoach, user_routines: Path
) -> None:
    write(user_routines, "zz-mine.yaml", "name: Mine\nsteps:\n  - {name: Hold, duration: 10s}\n")
    write(user_routines, "broken.yaml", "name: Broken\nsteps: []\n")
    rows = json.loads(coach("list", "--json").stdout)
    assert [r["source"] for r in rows[:2]] == ["user", "user"]
    broken = next(r for r in rows if r["id"] == "broken")
    assert broken["error"].startswith(f"{user_routines / 'broken.yaml'}:2:8: ")
    assert broken["name"] is None
    mine = next(r for r in rows if r["id"] == "zz-mine")
    assert (mine["total_s"], mine["exercises"], mine["error"]) == (15.0, 1, None)
    human = coach("list").stdout
    assert "broken" in human and "BROKEN" in human


def test_user_routine_with_a_bundled_id_takes_its_place(
    coach: RunCoach, user_routines: Path
) -> None:
    write(user_routines, "foot-quick.yaml", "name: My quick\nsteps:\n  - {name: A, duration: 5}\n")
    rows = json.loads(coach("list", "--json").stdout)
    quick = [r for r in rows if r["id"] == "foot-quick"]
    assert len(quick) == 1 and quick[0]["source"] == "user"
    plan = json.loads(coach("plan", "foot-quick", "--json").stdout)
    assert plan["name"] == "My quick"


def test_plan_json_follows_the_expansion_rules(coach: RunCoach, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "calf.yaml",
        "name: Calf\nprepare: 3s\nrest: 5s\nsteps:\n"
        "  - {exercise: calf-stretch, duration: 20s, sides: both, sets: 2, switch: 2s}\n",
    )
    result = coach("plan", str(path), "--json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["routine"] == "calf" and plan["total_s"] == 92.0
    kinds = [(s["kind"], s["side"], s["duration_s"]) for s in plan["segments"]]
    assert kinds == [
        ("prepare", "left", 3.0),
        ("work", "left", 20.0),
        ("switch", "right", 2.0),
        ("work", "right", 20.0),
        ("rest", None, 5.0),
        ("work", "left", 20.0),
        ("switch", "right", 2.0),
        ("work", "right", 20.0),
    ]
    starts = [s["start_s"] for s in plan["segments"]]
    assert starts == [0, 3, 23, 25, 45, 50, 70, 72]
    keys = {
        "kind",
        "name",
        "side",
        "set",
        "sets",
        "round",
        "rounds",
        "reps",
        "start_s",
        "duration_s",
    }
    assert all(set(s) == keys for s in plan["segments"])


def test_plan_foot_daily_prints_its_timeline(coach: RunCoach) -> None:
    result = coach("plan", "foot-daily", "--json")
    assert result.returncode == 0
    plan = json.loads(result.stdout)
    assert 600 <= plan["total_s"] <= 900  # with the marbles' own pace, about 15 minutes
    assert plan["total_s"] == sum(s["duration_s"] or 0 for s in plan["segments"])
    human = coach("plan", "foot-daily")
    assert human.returncode == 0 and "Daily" in human.stdout


def test_plan_of_an_unknown_routine_suggests_a_close_one(coach: RunCoach) -> None:
    result = coach("plan", "foot-dialy")
    assert result.returncode == 1
    assert 'did you mean "foot-daily"' in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_reports_each_problem_as_path_line_col(coach: RunCoach, tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", "name: Good\nsteps:\n  - {name: A, duration: 5}\n")
    bad = write(
        tmp_path,
        "bad.yaml",
        "name: Bad\nsteps:\n  - name: A\n    durations: 5\n  - {name: B, duration: -1}\n",
    )
    assert coach("validate", str(good)).returncode == 0
    result = coach("validate", str(good), str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    unknown = next(line for line in lines if "unknown key" in line)
    assert unknown.startswith(f"{bad}:4:5: unknown key `durations`")
    assert 'did you mean "duration"' in unknown
    assert any(line.startswith(f"{bad}:5:25: ") for line in lines)
    assert "Traceback" not in result.stderr


def test_every_bundled_file_validates(coach: RunCoach) -> None:
    folder = Path(__file__).resolve().parents[2] / "routines"
    files = sorted(str(p) for p in folder.glob("*.yaml"))
    assert len(files) >= 6
    result = coach("validate", *files)
    assert result.returncode == 0, result.stderr


def test_schema_is_json_and_names_the_format(coach: RunCoach) -> None:
    schema = json.loads(coach("schema").stdout)
    assert schema["required"] == ["name", "steps"]
    assert "steps" in schema["properties"]


def test_exercises_lists_the_library(coach: RunCoach) -> None:
    items = json.loads(coach("exercises", "--json").stdout)
    ids = {item["id"] for item in items}
    required = {
        "calf-raise", "single-leg-calf-raise", "toe-raise", "toe-curls", "towel-scrunch",
        "marble-pickup", "toe-splay", "short-foot", "point-and-flex", "ankle-circles",
        "plantar-fascia-stretch", "calf-stretch", "soleus-stretch", "ball-roll",
    }  # fmt: skip
    assert required <= ids
    assert all(2 <= len(item["instructions"]) <= 4 for item in items)


def test_version_and_help(coach: RunCoach) -> None:
    assert coach("--version").stdout.startswith("coach ")
    help_text = coach("--help").stdout
    for command in ("list", "plan", "validate", "schema", "run"):
        assert command in help_text


def test_a_bad_command_line_value_is_a_usage_message(coach: RunCoach) -> None:
    result = coach("list", "--jsn")
    assert result.returncode == 2
    assert "usage: coach" in result.stderr and "Traceback" not in result.stderr
