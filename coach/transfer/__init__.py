"""Export and import of the history: JSON (lossless) and CSV (one row per step).

JSON holds the sessions (each with its check-in or null) and the cramp diary:
`{"format": "coach-history", "version": 3, "sessions": [...], "cramps": [...]}`. Version 2 files
(no check-ins), version 1 files (no `cramps`) and the plain list of sessions `coach history
--json` prints are still read. CSV holds sessions only: one table cannot hold both shapes
honestly, so cramps travel in JSON. Its `feeling`, `pain` and `note` columns carry the check-in
(repeated on each row of the session); CSV keeps no check-in time, so an imported one takes
the session's end.

An import only ever adds: a session or cramp whose `uid` is already stored is left alone, except
that it gains the imported check-in when it has none.
A file is read and checked whole before anything is stored, so a bad file changes nothing; each
problem names where it is (PATH:LINE:COL for JSON syntax, PATH:LINE for CSV, the session and
field otherwise).
"""

from coach.transfer.document import (
    CHECKIN_COLUMNS,
    CSV_COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    SESSION_COLUMNS,
    STEP_COLUMNS,
    HistoryFile,
    TransferError,
    cramp_json,
    export_csv,
    export_json,
    session_json,
)
from coach.transfer.read import MAX_FILE_BYTES, read_history, read_sessions

__all__ = [
    "CHECKIN_COLUMNS",
    "CSV_COLUMNS",
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "SESSION_COLUMNS",
    "STEP_COLUMNS",
    "HistoryFile",
    "TransferError",
    "cramp_json",
    "export_csv",
    "export_json",
    "read_history",
    "read_sessions",
    "session_json",
]
