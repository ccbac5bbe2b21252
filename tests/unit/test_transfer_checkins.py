"""Check-ins travel with their sessions through export and import, and merging keeps them."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from coach.history.checkins import CheckIn
from coach.history.records import SessionRecord
from coach.history.store import HistoryStore
from coach.transfer import TransferError, export_csv, export_json, read_history
from tests.unit.test_checkins import session as checkin_session

AT = datetime.fromisoformat("2026-03-02T07:40:00.000+01:00")
HARD = CheckIn("hard", 6, "calf tight, then fine", AT)


def session(uid: str, day: str, checkin: CheckIn | None = None) -> SessionRecord:
    return checkin_session(uid, day, checkin=checkin)


def store_with(*records: SessionRecord) -> HistoryStore:
    store = HistoryStore.in_memory()
    for record in records:
        session_id = store.begin_session(record)
        if record.checkin is not None:
            store.set_checkin(session_id, record.checkin)
    return store


def export(store: HistoryStore, kind: str, tmp_path: Path) -> Path:
    out = io.StringIO()
    (export_csv if kind == "csv" else export_json)(store.sessions(newest_first=False), out)
    path = tmp_path / f"h.{kind}"
    path.write_text(out.getvalue())
    return path


def checkins(store: HistoryStore) -> dict[str, CheckIn | None]:
    return {s.uid: s.checkin for s in store.sessions()}


def test_json_export_writes_the_checkin_or_null(tmp_path: Path) -> None:
    with store_with(session("a", "2026-03-02", HARD), session("b", "2026-03-03")) as store:
        document = json.loads(export(store, "json", tmp_path).read_text())
    assert document["version"] == 3
    assert [s["checkin"] for s in document["sessions"]] == [
        {
            "feeling": "hard",
            "pain": 6,
            "note": "calf tight, then fine",
            "at": "2026-03-02T07:40:00.000+01:00",
        },
        None,
    ]


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_round_trip_carries_check_ins(tmp_path: Path, kind: str) -> None:
    light = CheckIn(None, 0, None, AT)
    records = (session("a", "2026-03-02", HARD), session("b", "2026-03-03", light))
    with store_with(*records, session("c", "2026-03-04")) as store:
        path = export(store, kind, tmp_path)
    with HistoryStore.in_memory() as fresh:
        fresh.add_sessions(read_history(path).sessions)
        got = checkins(fresh)
    assert got["c"] is None
    assert got["a"] is not None and (got["a"].feeling, got["a"].pain, got["a"].note) == (
        "hard",
        6,
        "calf tight, then fine",
    )
    assert got["b"] is not None and (got["b"].feeling, got["b"].pain, got["b"].note) == (
        None,
        0,
        None,
    )
    if kind == "json":
        assert got["a"] == HARD and got["b"] == light
    else:  # CSV keeps no check-in time: an imported one takes the session's end
        assert got["a"].at == datetime.fromisoformat("2026-03-02T07:35:00.000+01:00")


def test_csv_has_feeling_pain_and_note_columns(tmp_path: Path) -> None:
    with store_with(session("a", "2026-03-02", HARD)) as store:
        lines = export(store, "csv", tmp_path).read_text().splitlines()
    assert lines[0].endswith(",feeling,pain,note")
    assert lines[1].endswith(',hard,6,"calf tight, then fine"')


def test_a_version_2_export_imports_without_check_ins(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    old = {k: v for k, v in _json_session().items() if k != "checkin"}
    path.write_text(json.dumps({"format": "coach-history", "version": 2, "sessions": [old]}))
    [record] = read_history(path).sessions
    assert record.uid == "a" and record.checkin is None


def test_a_csv_of_the_previous_format_imports(tmp_path: Path) -> None:
    with store_with(session("a", "2026-03-02", HARD)) as store:
        lines = export(store, "csv", tmp_path).read_text().splitlines()
    path = tmp_path / "old.csv"
    # The previous format had no check-in columns.
    path.write_text(
        lines[0].removesuffix(",feeling,pain,note")
        + "\n"
        + lines[1].removesuffix(',hard,6,"calf tight, then fine"')
        + "\n"
    )
    [record] = read_history(path).sessions
    assert record.uid == "a" and record.checkin is None


def _json_session() -> dict[str, object]:
    with store_with(session("a", "2026-03-02", HARD)) as store:
        out = io.StringIO()
        export_json(store.sessions(), out)
    sessions: list[dict[str, object]] = json.loads(out.getvalue())["sessions"]
    return sessions[0]


def test_merging_keeps_a_check_in_only_one_side_has(tmp_path: Path) -> None:
    mine = CheckIn("easy", 1, None, AT)
    with store_with(
        session("a", "2026-03-02", HARD), session("b", "2026-03-03"), session("c", "2026-03-04")
    ) as laptop:
        path = export(laptop, "json", tmp_path)
    with store_with(
        session("a", "2026-03-02"), session("b", "2026-03-03", mine), session("c", "2026-03-04")
    ) as desktop:
        added = desktop.add_sessions(read_history(path).sessions)
        assert added == [] and desktop.checkins_added == 1
        assert checkins(desktop) == {"a": HARD, "b": mine, "c": None}
        # Importing again changes nothing.
        desktop.add_sessions(read_history(path).sessions)
        assert desktop.checkins_added == 0
        back = export(desktop, "json", tmp_path)
    with store_with(session("b", "2026-03-03")) as other:
        other.add_sessions(read_history(back).sessions)
        assert checkins(other)["b"] == mine


@pytest.mark.parametrize(
    ("checkin", "problem"),
    [
        (
            {"feeling": "awful", "pain": None, "note": None, "at": "2026-03-02T07:40:00+01:00"},
            "session 1: field `checkin`: feeling must be one of easy, right, hard, got 'awful'",
        ),
        (
            {"feeling": None, "pain": 11, "note": None, "at": "2026-03-02T07:40:00+01:00"},
            "session 1: field `checkin`: pain must be a whole number from 0 to 10, got 11",
        ),
        (
            {"feeling": None, "pain": 1, "note": None},
            "session 1: field `checkin`.at: expected an ISO 8601 time with an offset",
        ),
        ("hard", "session 1: field `checkin`: expected an object or null"),
    ],
)
def test_a_bad_check_in_is_refused_saying_where(
    tmp_path: Path, checkin: object, problem: str
) -> None:
    path = tmp_path / "h.json"
    item = {**_json_session(), "checkin": checkin}
    path.write_text(json.dumps({"format": "coach-history", "version": 3, "sessions": [item]}))
    with pytest.raises(TransferError) as caught:
        read_history(path)
    assert caught.value.problems == [f"{path}: {problem}"]


def test_a_bad_check_in_cell_names_its_line_and_column(tmp_path: Path) -> None:
    with store_with(session("a", "2026-03-02", HARD)) as store:
        path = export(store, "csv", tmp_path)
    path.write_text(path.read_text().replace(",hard,6,", ",hard,12,"))
    with pytest.raises(TransferError) as caught:
        read_history(path)
    assert caught.value.problems == [
        f"{path}:2: column `pain`: must be a whole number from 0 to 10, got '12'"
    ]
