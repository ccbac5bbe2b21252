"""Export and import: lossless round trips, merging without duplicates, bad files refused whole."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from coach import transfer
from coach.cramps.diary import CrampDiary
from coach.cramps.records import CrampRecord
from coach.history.records import SessionRecord, StepRecord
from coach.history.store import HistoryStore
from coach.transfer import (
    CSV_COLUMNS,
    TransferError,
    export_csv,
    export_json,
    read_history,
    read_sessions,
)


def step(index: int, **changes: object) -> StepRecord:
    fields: dict[str, object] = {
        "index": index,
        "name": 'Calf stretch, "wall"',
        "side": "left",
        "set": 1,
        "sets": 2,
        "round": 1,
        "rounds": 3,
        "reps": None,
        "planned_s": 30.0,
        "actual_s": 29.987654321,
        "status": "done",
        "started_at": "2024-03-31T00:59:50.123+00:00",
        "ended_at": "2024-03-31T02:00:20.110+01:00",
    }
    fields.update(changes)
    return StepRecord(**fields)  # type: ignore[arg-type]


SESSIONS = [
    SessionRecord(
        uid="a1",
        routine_id="foot-daily",
        routine_name="Daily feet",
        plan_hash="f" * 64,
        source="app",
        status="completed",
        started_at="2024-03-31T00:59:00.000+00:00",
        ended_at="2024-03-31T02:10:00.500+01:00",
        planned_s=690.0,
        active_s=655.25,
        paused_s=14.75,
        steps=(
            step(1),
            step(3, side="right", status="skipped", actual_s=3.5),
            step(
                7, name="Marble pickup", side=None, reps=20, planned_s=None, round=None, rounds=None
            ),
        ),
    ),
    SessionRecord(
        uid="b2",
        routine_id="foot-quick",
        routine_name="Quick feet, ünïcode",
        plan_hash=None,
        source="logged",
        status="completed",
        started_at="2024-04-01T23:30:00.000-05:00",
        ended_at="2024-04-01T23:33:00.000-05:00",
        planned_s=179.0,
        active_s=179.0,
        paused_s=0.0,
    ),
    SessionRecord(
        uid="c3",
        routine_id="foot-daily",
        routine_name="Daily feet",
        plan_hash="e" * 64,
        source="plain",
        status="partial",
        started_at="2024-04-02T07:00:00.000+01:00",
        ended_at="2024-04-02T07:01:00.000+01:00",
        planned_s=690.0,
        active_s=60.0,
        paused_s=0.0,
        steps=(step(1),),
    ),
]


@pytest.fixture
def full() -> Iterator[HistoryStore]:
    with HistoryStore.in_memory() as store:
        store.add_sessions(SESSIONS)
        yield store


def exported(store: HistoryStore, kind: str) -> str:
    out = io.StringIO()
    (export_csv if kind == "csv" else export_json)(store.sessions(newest_first=False), out)
    return out.getvalue()


def without_ids(sessions: list[SessionRecord]) -> list[SessionRecord]:
    return [replace(s, id=None) for s in sessions]


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_round_trip_loses_nothing(full: HistoryStore, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"history.{kind}"
    path.write_text(exported(full, kind), encoding="utf-8")
    with HistoryStore.in_memory() as fresh:
        fresh.add_sessions(read_sessions(path))
        assert without_ids(fresh.sessions()) == without_ids(full.sessions())
        assert exported(fresh, kind) == path.read_text(encoding="utf-8")


def test_csv_has_one_row_per_step_and_one_for_a_session_without_steps(full: HistoryStore) -> None:
    lines = exported(full, "csv").splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    assert len(lines) == 1 + 3 + 1 + 1


def test_a_file_without_a_csv_suffix_is_still_read_as_csv(
    full: HistoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "export.txt"
    path.write_text(exported(full, "csv"))
    assert [s.uid for s in read_sessions(path)] == ["a1", "b2", "c3"]


def test_importing_twice_adds_nothing_the_second_time(full: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(exported(full, "json"))
    with HistoryStore.in_memory() as other:
        other.add_sessions([replace(SESSIONS[2], uid="mine")])
        assert len(other.add_sessions(read_sessions(path))) == 3
        assert other.add_sessions(read_sessions(path)) == []
        assert other.count_sessions() == 4


def test_history_json_output_imports_once_without_uids(full: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(json.dumps([s.to_json() for s in full.sessions()]))
    with HistoryStore.in_memory() as other:
        added = other.add_sessions(read_sessions(path))
        assert len(added) == 3 and {s.source for s in added} == {"imported"}
        assert [s.index for s in added[2].steps] == [0, 1, 2]  # newest first: a1 is last
        assert other.add_sessions(read_sessions(path)) == []


def document(*sessions: dict[str, object]) -> str:
    return json.dumps({"format": "coach-history", "version": 1, "sessions": list(sessions)})


GOOD = {
    "uid": "x",
    "routine": "feet",
    "status": "completed",
    "started_at": "2024-05-14T07:30:00+01:00",
    "planned_s": 60,
    "steps": [],
}
GOOD_STEP = {
    "index": 1,
    "name": "Hold",
    "actual_s": 10,
    "status": "done",
    "started_at": "2024-05-14T07:30:00+01:00",
    "ended_at": "2024-05-14T07:30:10+01:00",
}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            '{"sessions": [\n  {"uid": "x",}\n]}',
            "h.json:2:15: not valid JSON: Expecting property name enclosed in double quotes",
        ),
        ('{"format": "other", "sessions": []}', "h.json: not a coach history export"),
        ('{"sessions": {}}', "h.json: expected a list of sessions"),
        ("[3]", "h.json: session 1: expected an object, got int"),
        (
            document(GOOD, {**GOOD, "status": "done"}),
            "h.json: session 2: field `status`: must be one of completed, partial; got 'done'",
        ),
        (document({**GOOD, "routine": None}), "h.json: session 1: field `routine`: is missing"),
        (
            document({**GOOD, "planned_s": -1}),
            "h.json: session 1: field `planned_s`: "
            "expected a number of seconds (0 or more), got -1",
        ),
        (
            document({**GOOD, "planned_s": True}),
            "h.json: session 1: field `planned_s`: "
            "expected a number of seconds (0 or more), got True",
        ),
        (
            document({**GOOD, "started_at": "2024-05-14T07:30"}),
            "h.json: session 1: field `started_at`: "
            "expected an ISO 8601 time with an offset, got '2024-05-14T07:30'",
        ),
        (
            document({**GOOD, "source": "phone"}),
            "h.json: session 1: field `source`: "
            "must be one of app, plain, logged, imported, reminder; got 'phone'",
        ),
        (
            document({**GOOD, "steps": {}}),
            "h.json: session 1: field `steps`: expected a list, got dict",
        ),
        (
            document({**GOOD, "steps": [GOOD_STEP, {**GOOD_STEP, "index": 2, "set": 1.5}]}),
            "h.json: session 1, step 2: field `set`: expected a whole number, got 1.5",
        ),
        (
            document({**GOOD, "steps": [GOOD_STEP, GOOD_STEP]}),
            "h.json: session 1, step 2: field `index`: 1 appears twice in the session",
        ),
        (
            document({**GOOD, "steps": [{**GOOD_STEP, "side": "up"}]}),
            "h.json: session 1, step 1: field `side`: must be one of left, right; got 'up'",
        ),
        (
            document({**GOOD, "steps": ["Hold"]}),
            "h.json: session 1, step 1: expected an object, got str",
        ),
        (
            document({**GOOD, "routine": ""}),
            "h.json: session 1: field `routine`: expected text, got nothing",
        ),
    ],
)
def test_a_bad_json_file_is_refused_saying_where(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "h.json"
    path.write_text(content)
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [f"{tmp_path}/{problem}"]


def csv_file(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "h.csv"
    out = io.StringIO()
    out.write(",".join(CSV_COLUMNS) + "\n")
    for row in rows:
        out.write(",".join(row.get(c, "") for c in CSV_COLUMNS) + "\n")
    path.write_text(out.getvalue())
    return path


CSV_ROW = {
    "session_uid": "x",
    "routine": "feet",
    "session_status": "completed",
    "session_started_at": "2024-05-14T07:30:00+01:00",
    "session_planned_s": "60",
    "step_index": "1",
    "name": "Hold",
    "actual_s": "10",
    "status": "done",
    "started_at": "2024-05-14T07:30:00+01:00",
    "ended_at": "2024-05-14T07:30:10+01:00",
}


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            [CSV_ROW, {**CSV_ROW, "step_index": "2", "actual_s": "ten"}],
            "h.csv:3: column `actual_s`: expected a number of seconds (0 or more), got 'ten'",
        ),
        (
            [CSV_ROW, {**CSV_ROW, "step_index": "2", "session_planned_s": "61"}],
            "h.csv:3: column `session_planned_s` differs from line 2, a row of the same session",
        ),
        (
            [{**CSV_ROW, "session_status": "done"}],
            "h.csv:2: column `session_status`: must be one of completed, partial; got 'done'",
        ),
        ([{**CSV_ROW, "set": "-1"}], "h.csv:2: column `set`: expected a whole number, got '-1'"),
    ],
)
def test_a_bad_csv_file_is_refused_saying_where(
    tmp_path: Path, rows: list[dict[str, str]], problem: str
) -> None:
    with pytest.raises(TransferError) as caught:
        read_sessions(csv_file(tmp_path, rows))
    assert caught.value.problems == [f"{tmp_path}/{problem}"]


def test_a_csv_missing_some_needed_columns_names_them(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("session_uid,routine\nx,feet\n")
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [
        f"{path}:1: not a coach history CSV: no column session_status, session_started_at"
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("h.csv", "date,minutes\n2024-05-14,10\n"),
        ("h.json", ""),
        ("h.csv", " \n"),
        ("h", ""),
        ("h.json", "not json {"),
        ("h", "not json {"),
    ],
)
def test_a_file_that_is_no_export_at_all_says_what_was_expected(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [
        f"{path}: not a coach export (expected JSON from `coach export` or its CSV)"
    ]


def test_a_csv_with_a_cut_row_is_refused_whole(tmp_path: Path) -> None:
    path = csv_file(tmp_path, [CSV_ROW, {**CSV_ROW, "step_index": "2"}])
    lines = path.read_text().splitlines()
    lines[2] = ",".join(lines[2].split(",")[:10])
    path.write_text("\n".join([*lines, lines[1] + ",extra"]) + "\n")
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [
        f"{path}:3: expected 27 columns, got 10 (a cut or damaged row)",
        f"{path}:4: expected 27 columns, got 28 (a cut or damaged row)",
    ]


def test_a_json_session_without_steps_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    without = {k: v for k, v in GOOD.items() if k != "steps"}
    path.write_text(document(without, GOOD))
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [
        f"{path}: session 1: field `steps`: is missing (an empty list is fine)"
    ]


#: Deeper than Python can recurse.
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (DEEP, "not a coach export: JSON nested too deeply"),
        (
            '{"format": "coach-history", "version": 99, "sessions": []}',
            "written by a newer coach (format version 99); update coach to import it",
        ),
        (
            '{"format": "coach-history", "version": "2", "sessions": []}',
            "field `version`: expected a whole number, got '2'",
        ),
    ],
    ids=["deep", "newer", "version-text"],
)
def test_a_json_file_that_cannot_be_read_as_an_export_is_refused(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "h.json"
    path.write_text(content)
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [f"{path}: {problem}"]


TOO_BIG = "expected a whole number up to 1000000000, got a larger one"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            document({**GOOD, "active_s": 1e309}),
            "session 1: field `active_s`: expected at most 1000000000 seconds, got inf",
        ),
        (
            document({**GOOD, "planned_s": 10**400}),
            "session 1: field `planned_s`: expected at most 1000000000 seconds, got "
            + "1"
            + "0" * 400,
        ),
        (
            document({**GOOD, "steps": [{**GOOD_STEP, "actual_s": -1e309}]}),
            "session 1, step 1: field `actual_s`: "
            "expected a number of seconds (0 or more), got -inf",
        ),
        (
            document({**GOOD, "steps": [{**GOOD_STEP, "set": 10**30}]}),
            f"session 1, step 1: field `set`: {TOO_BIG}",
        ),
        (
            document({**GOOD, "steps": [{**GOOD_STEP, "reps": 1e309}]}),
            f"session 1, step 1: field `reps`: {TOO_BIG}",
        ),
        (
            document({**GOOD, "steps": [{**GOOD_STEP, "index": 10**9 + 1}]}),
            f"session 1, step 1: field `index`: {TOO_BIG}",
        ),
    ],
)
def test_json_numbers_out_of_range_are_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "h.json"
    path.write_text(content)
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [f"{path}: {problem}"]


def test_an_accepted_number_fits_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    big = {**GOOD_STEP, "set": 10**9, "actual_s": 1e9}
    path.write_text(document({**GOOD, "steps": [big]}))
    [record] = read_sessions(path)
    assert (record.steps[0].set, record.steps[0].actual_s) == (10**9, 1e9)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("actual_s", "1e999", "expected at most 1000000000 seconds, got inf"),
        ("actual_s", "inf", "expected at most 1000000000 seconds, got inf"),
        ("session_active_s", "Infinity", "expected at most 1000000000 seconds, got inf"),
        ("actual_s", "nan", "expected a number of seconds (0 or more), got nan"),
        ("set", "99999999999999999999999", TOO_BIG),
        ("reps", "9" * 5000, TOO_BIG),
        ("rounds", "²", "expected a whole number, got '²'"),
    ],
)
def test_csv_numbers_out_of_range_are_refused(
    tmp_path: Path, column: str, value: str, problem: str
) -> None:
    with pytest.raises(TransferError) as caught:
        read_sessions(csv_file(tmp_path, [{**CSV_ROW, column: value}]))
    assert caught.value.problems == [f"{tmp_path}/h.csv:2: column `{column}`: {problem}"]


def test_a_file_over_the_size_cap_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer.read, "MAX_FILE_BYTES", 2**20)
    path = tmp_path / "h.json"
    path.write_text(document(GOOD) + " " * 2**20)
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert caught.value.problems == [f"{path}: too large to be a coach export (over 1 MiB)"]
    path.write_text(document(GOOD).ljust(2**20))
    assert len(read_sessions(path)) == 1  # exactly the cap is still read


def test_every_problem_of_a_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(document({**GOOD, "status": "x"}, GOOD, {**GOOD, "planned_s": "a"}))
    with pytest.raises(TransferError) as caught:
        read_sessions(path)
    assert [p.split(": ")[1] for p in caught.value.problems] == ["session 1", "session 3"]


def test_an_unreadable_file_is_a_transfer_error(tmp_path: Path) -> None:
    with pytest.raises(TransferError, match="no such file"):
        read_sessions(tmp_path / "missing.json")
    (tmp_path / "latin.csv").write_bytes(b"routine\n\xff\xfe\n")
    with pytest.raises(TransferError, match="it is not text"):
        read_sessions(tmp_path / "latin.csv")


def test_a_minimal_session_gets_sensible_defaults(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(document({**GOOD, "steps": [GOOD_STEP]}))
    [record] = read_sessions(path)
    assert (record.routine_name, record.source, record.ended_at) == (
        "feet",
        "imported",
        "2024-05-14T07:30:00.000+01:00",
    )
    assert (record.active_s, record.paused_s, record.plan_hash) == (0.0, 0.0, None)
    assert record.steps[0].planned_s is None and record.steps[0].side is None


# -- cramps --------------------------------------------------------------------------------

CRAMPS = [
    CrampRecord("k1", "2024-03-31T03:10:00.000+01:00", "left", "calf", 7, "1-10-min", "night"),
    CrampRecord(
        "k2", "2024-04-01T18:00:00.250-05:00", "both", "arch", 3, "under-1-min", "exercise", "ü"
    ),
]


@pytest.fixture
def with_cramps(full: HistoryStore) -> HistoryStore:
    CrampDiary(full).add_cramps(CRAMPS)
    return full


def exported_all(store: HistoryStore) -> str:
    out = io.StringIO()
    export_json(
        store.sessions(newest_first=False), out, CrampDiary(store).cramps(newest_first=False)
    )
    return out.getvalue()


def test_a_json_round_trip_keeps_the_cramps(with_cramps: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(exported_all(with_cramps), encoding="utf-8")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("coach-history", 3)
    assert document["cramps"][0] == {
        "uid": "k1",
        "at": "2024-03-31T03:10:00.000+01:00",
        "foot": "left",
        "where": "calf",
        "severity": 7,
        "duration": "1-10-min",
        "context": "night",
        "note": None,
    }
    data = read_history(path)
    with HistoryStore.in_memory() as fresh:
        fresh.add_sessions(data.sessions)
        assert CrampDiary(fresh).add_cramps(data.cramps) == CRAMPS
        assert exported_all(fresh) == path.read_text(encoding="utf-8")


def test_importing_cramps_twice_adds_nothing(with_cramps: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(exported_all(with_cramps), encoding="utf-8")
    with HistoryStore.in_memory() as other:
        diary = CrampDiary(other)
        diary.log(replace(CRAMPS[0], uid="mine"))
        assert len(diary.add_cramps(read_history(path).cramps)) == 2
        assert diary.add_cramps(read_history(path).cramps) == []
        assert diary.count() == 3


def test_a_version_1_export_still_imports_with_no_cramps(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(document(GOOD))
    data = read_history(path)
    assert [s.uid for s in data.sessions] == ["x"] and data.cramps == []


def test_an_importer_that_knows_only_sessions_still_reads_a_version_2_file(
    with_cramps: HistoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "h.json"
    path.write_text(exported_all(with_cramps), encoding="utf-8")
    assert [s.uid for s in read_sessions(path)] == ["a1", "b2", "c3"]


def test_csv_holds_sessions_only(with_cramps: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(exported(with_cramps, "csv"))
    data = read_history(path)
    assert len(data.sessions) == 3 and data.cramps == []


def test_cramps_without_a_uid_get_a_stable_one(tmp_path: Path) -> None:
    cramp = {k: v for k, v in GOOD_CRAMP.items() if k != "uid"}
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"sessions": [], "cramps": [cramp]}))
    [first] = read_history(path).cramps
    [again] = read_history(path).cramps
    assert first.uid == again.uid and len(first.uid) == 32


GOOD_CRAMP = {
    "uid": "k",
    "at": "2024-05-14T03:10:00+01:00",
    "foot": "left",
    "where": "calf",
    "severity": 5,
    "duration": "under-1-min",
    "context": "night",
}


def cramp_document(*cramps: object) -> str:
    return json.dumps(
        {"format": "coach-history", "version": 2, "sessions": [GOOD], "cramps": list(cramps)}
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            json.dumps({"sessions": [], "cramps": {}}),
            "h.json: expected a list of cramps",
        ),
        (cramp_document(3), "h.json: cramp 1: expected an object, got int"),
        (
            cramp_document(GOOD_CRAMP, {**GOOD_CRAMP, "foot": "up"}),
            "h.json: cramp 2: field `foot`: must be one of left, right, both; got 'up'",
        ),
        (
            cramp_document({**GOOD_CRAMP, "where": "knee"}),
            "h.json: cramp 1: field `where`: must be one of toes, arch, heel, calf; got 'knee'",
        ),
        (
            cramp_document({**GOOD_CRAMP, "severity": 0}),
            "h.json: cramp 1: field `severity`: must be from 1 to 10, got 0",
        ),
        (
            cramp_document({**GOOD_CRAMP, "severity": 2.5}),
            "h.json: cramp 1: field `severity`: expected a whole number, got 2.5",
        ),
        (
            cramp_document({**GOOD_CRAMP, "severity": None}),
            "h.json: cramp 1: field `severity`: is missing",
        ),
        (
            cramp_document({**GOOD_CRAMP, "duration": "5m"}),
            "h.json: cramp 1: field `duration`: "
            "must be one of under-1-min, 1-10-min, over-10-min; got '5m'",
        ),
        (
            cramp_document({**GOOD_CRAMP, "context": None}),
            "h.json: cramp 1: field `context`: is missing",
        ),
        (
            cramp_document({**GOOD_CRAMP, "at": "2024-05-14T03:10"}),
            "h.json: cramp 1: field `at`: "
            "expected an ISO 8601 time with an offset, got '2024-05-14T03:10'",
        ),
        (
            cramp_document({**GOOD_CRAMP, "note": 7}),
            "h.json: cramp 1: field `note`: expected text, got int",
        ),
    ],
)
def test_a_bad_cramp_is_refused_saying_where(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "h.json"
    path.write_text(content)
    with pytest.raises(TransferError) as caught:
        read_history(path)
    assert caught.value.problems == [f"{tmp_path}/{problem}"]


def test_an_imported_cramp_note_keeps_no_control_characters(tmp_path: Path) -> None:
    """An export from elsewhere must not put escape sequences on this person's terminal."""
    path = tmp_path / "h.json"
    path.write_text(cramp_document({**GOOD_CRAMP, "note": "calf\u001b[2J\u0007 at night"}))
    [cramp] = read_history(path).cramps
    assert cramp.note == "calf[2J at night"
