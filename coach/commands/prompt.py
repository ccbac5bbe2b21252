"""Answers for shell prompts and status bars, such as `coach status --short`.

A prompt runs these at every command a person types, so they are reached before argparse and
the other command modules load (`coach.cli.FAST_PATHS`) and import only what they use.
"""

from __future__ import annotations

import os
import sys

from coach.commands.common import with_history

TYPE_CHECKING = False  # as in coach.cli: no `typing` on the prompt's fast path

#: Where `status --short` keeps its last answer, in the cache folder.
STATUS_CACHE = "status-short"

if TYPE_CHECKING:
    from coach.history.store import HistoryStore


def status(short: bool = False) -> int:
    """Whether today's routine is done, and the streak: `✓ 12`, or a sentence without
    `short`. Exit status 0 when done today, 1 when not (or when the history cannot be read)."""

    def show(store: HistoryStore) -> int:
        daily, done, streak = _status_of(store)
        if short:
            print(f"{status_mark(done)} {streak}")
        else:
            state = "done today" if done else "not done yet today"
            print(f"{daily}: {state}, {streak}-day streak")
        return 0 if done else 1

    return with_history(show)


def _status_of(store: HistoryStore) -> tuple[str, bool, int]:
    """Today's routine, whether it is done today, and the streak as it stands."""
    from coach.history.records import local_now
    from coach.history.stats import active_days, today_status
    from coach.history.streaks import streaks
    from coach.settings import load_settings

    settings = load_settings()
    today = local_now().date()
    done = today_status(store, settings.daily_routine, today)
    streak = streaks(active_days(store), today, settings.rest_days_per_week).current
    return settings.daily_routine, done, streak


def status_short() -> int:
    """`coach status --short` for a prompt, remembered while nothing it depends on changes.

    The answer depends only on the day, the history and the settings, so it is kept in the
    cache folder with those (the date, and each file's inode, size and time of change). A
    prompt asking again with none of them changed reads that one line, and never loads the
    history or YAML; any change, or any doubt, means working it out again.
    """
    from coach import locations

    remembered = locations.cache_dir() / STATUS_CACHE
    key = _status_key()
    try:
        kept_key, _, answer = remembered.read_text(encoding="utf-8").partition("\n")
        said, _, days = answer.strip().partition(" ")
        if kept_key == key and said in ("done", "not-done") and days.isdigit():
            print(f"{status_mark(said == 'done')} {int(days)}")
            return 0 if said == "done" else 1
    except (OSError, UnicodeDecodeError):
        pass
    found: list[tuple[bool, int]] = []

    def show(store: HistoryStore) -> int:
        _, done, streak = _status_of(store)
        found.append((done, streak))
        print(f"{status_mark(done)} {streak}")
        return 0 if done else 1

    code = with_history(show)
    # Opening the history may tidy its files once; remember only an answer nothing moved under.
    if found and _status_key() == key:
        from coach.files import write_atomic

        done, streak = found[-1]
        try:
            locations.cache_dir(create=True)
            write_atomic(remembered, f"{key}\n{'done' if done else 'not-done'} {streak}\n")
        except OSError:
            pass  # a cache that cannot be written is only a slower prompt
    return code


def _status_key() -> str:
    """What `status --short` depends on, as one line: coach's version, today's date, and the
    history's and the settings' files as they are on disk."""
    import time

    from coach import __version__, locations

    history = locations.data_dir() / locations.HISTORY_FILE
    settings = locations.config_dir() / locations.SETTINGS_FILE
    files = (history, history.with_name(history.name + "-wal"), settings)
    parts = [__version__, time.strftime("%Y-%m-%d")]
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            parts.append(f"{path}:none")
            continue
        parts.append(f"{path}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def status_mark(done: bool) -> str:
    """✓ or ✗; `+` or `-` where the output cannot show them (an ASCII-only terminal)."""
    mark = "✓" if done else "✗"
    try:
        mark.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "+" if done else "-"
    return mark
