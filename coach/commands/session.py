"""`coach run` and the home screen: the commands that play a session."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from coach.commands.common import say, wrapped

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from coach.audio.backend import AudioBackend
    from coach.history.checkins import CheckIn
    from coach.routine.model import Routine
    from coach.routine.timeline import Timeline
    from coach.session.engine import Event


#: What `coach run` exits with, for scripts (`CoachApp.exit_status` for the player).
RUN_EXIT_STATUS = (
    "exit status: 0 when the session was completed; 1 when it was not (stopped, or less than"
    " half of its work done) or the routine could not be used; 2 on a usage error or when the"
    " player has no terminal (use --plain); 130 when Ctrl+C interrupts --plain, or coach as it"
    " starts; 141 when --plain's output pipe is closed (as `| head` does)"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "run",
        help="play a routine (the player, or --plain text lines)",
        epilog=RUN_EXIT_STATUS,
    )
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a path to a .yaml file")
    p.add_argument(
        "--plain", action="store_true", help="no TUI: one line per event, Enter for self-paced"
    )
    p.add_argument("--mute", action="store_true", help="no sound cues")
    p.add_argument("--no-voice", action="store_true", help="beeps only, no spoken cues")
    p.add_argument(
        "--resume",
        action="store_true",
        help="go on with this routine's interrupted session (less than 12 hours old)",
    )
    p.add_argument(
        "--no-checkin",
        action="store_true",
        help="do not ask how the session went afterwards",
    )
    p.set_defaults(handler=cmd_run)


def sound_off_by_environment() -> bool:
    """`COACH_AUDIO=silent` turns sound off everywhere (scripts, CI, screen recordings)."""
    return os.environ.get("COACH_AUDIO", "").lower() in ("silent", "none", "off")


def audio_backend() -> AudioBackend:
    """The sound card, unless the environment turns sound off."""
    if sound_off_by_environment():
        from coach.audio.backend import SilentBackend

        return SilentBackend()
    from coach.audio.backend import SimpleaudioBackend

    return SimpleaudioBackend()


def cmd_run(args: argparse.Namespace) -> int:
    return play(
        args.routine,
        plain=args.plain,
        mute=args.mute,
        no_voice=args.no_voice,
        resume=args.resume,
        checkin=not args.no_checkin,
    )


def run_routine(ref: str) -> int:
    """`coach run ROUTINE` with no option (`coach.cli.ONE_OPERAND`): as `cmd_run` plays it with
    the parser's defaults, without loading the parser."""
    return play(ref, plain=False)


def play(
    ref: str,
    *,
    plain: bool,
    mute: bool = False,
    no_voice: bool = False,
    resume: bool = False,
    checkin: bool = True,
) -> int:
    """Play a routine (an id or a path) as `coach run` does; the exit code of the session."""
    from coach.commands.routines import load_entry
    from coach.cramps.relief import with_warning
    from coach.cramps.values import RELIEF_ROUTINE
    from coach.heap import one_malloc_arena
    from coach.routine.catalog import Catalog
    from coach.routine.timeline import expand

    one_malloc_arena()
    entry = load_entry(Catalog.default(), ref)
    assert entry.routine is not None
    routine = with_warning(entry.routine)  # the relief's red flags lead its first step
    timeline = expand(routine)
    if not plain and not _have_terminal():  # before "resuming" is said of a session never shown
        return 2
    resume_id, start_index = _resumable(entry.id, timeline) if resume else (None, 0)
    if not plain:
        from coach.tls import tls_left_out

        with tls_left_out():
            from coach.tui.app import make_app
        app = make_app(
            start_routine=routine,
            voice=False if no_voice else None,
            muted=True if mute else None,
            audio=audio_backend() if sound_off_by_environment() else None,
            record_history=True,
            resume=(resume_id, start_index) if resume_id is not None else None,
            ask_checkin=checkin,
        )
        _freeze_what_is_loaded()
        app.run()
        return app.exit_status()
    # The relief routine answers a cramp; its end offers the cramp log, not a check-in.
    checkin = checkin and entry.id != RELIEF_ROUTINE
    return _run_plain(mute, no_voice, routine, timeline, resume_id, start_index, checkin)


def _resumable(routine_id: str, timeline: Timeline) -> tuple[int | None, int]:
    from coach.history import local_now
    from coach.history.database import HistoryUnavailable
    from coach.history.recorder import plan_hash
    from coach.history.store import HistoryStore

    try:
        with HistoryStore.open(create=False) as store:
            found = store.find_resumable(routine_id, plan_hash(timeline), local_now())
    except HistoryUnavailable as exc:
        say(f"{exc}; starting from the beginning")
        return None, 0
    if found is None:
        say(f"no interrupted session of {routine_id} to resume; starting from the beginning")
        return None, 0
    return found.session_id, found.start_index


def _run_plain(
    mute: bool,
    no_voice: bool,
    routine: Routine,
    timeline: Timeline,
    resume_id: int | None,
    start_index: int,
    checkin: bool,
) -> int:
    from coach.audio.choices import SoundChoices
    from coach.audio.session_sound import SessionSound
    from coach.history.recorder import Recorder
    from coach.plain import PlainRunner, stdin_source
    from coach.session.clock import MonotonicClock
    from coach.session.engine import Cue, SessionEngine
    from coach.settings import load_settings

    settings = load_settings()
    for problem in settings.problems:
        say(str(problem))
    sound = SessionSound(
        audio_backend,
        routine,
        timeline,
        SoundChoices(
            volume=settings.volume,
            muted=mute or settings.mute,
            # Sound off by the environment is the voice off too: a silent backend "speaks"
            # each line for as long as it would last, and the run waited for it at the end.
            voice=settings.voice and not no_voice and not sound_off_by_environment(),
        ),
        fallback="Each cue is a line here.",
    )
    sound.build()

    def play(event: Event) -> None:
        if isinstance(event, Cue):
            sound.play(event)
            for message in sound.notices():
                say(message)

    recorder = Recorder(timeline, source="plain", resume=resume_id, on_notice=say)
    engine = SessionEngine(timeline, MonotonicClock())
    runner = PlainRunner(engine, sys.stdout, stdin_source(), [play, recorder], recorder.tally)
    try:
        completed = runner.run(start_index)
    except KeyboardInterrupt:
        say("stopped; the steps you finished are saved in your history")
        return 130
    finally:
        sound.finish()
    session_id = recorder.session_id
    # Asked only of a person at a terminal: a script's input is never taken for answers.
    worth_asking = recorder.tally.outcome().worth_a_checkin
    if checkin and session_id is not None and worth_asking and sys.stdin.isatty():
        _plain_checkin(session_id)
    return 0 if completed else 1


def _plain_checkin(session_id: int) -> None:
    """Ask the check-in questions on the terminal and keep the answers."""
    from coach.history.checkins import PAIN_ADVICE, CheckIn
    from coach.plain import ask_checkin, terminal_ask

    answers = ask_checkin(terminal_ask, sys.stdout)
    if answers is None:
        return
    feeling, pain, note = answers
    saved = save_answers(session_id, CheckIn(feeling, pain, note, _now()))
    if saved is None:
        return
    print("Check-in saved.")
    if saved:
        print(wrapped(PAIN_ADVICE))


def _now() -> datetime:
    from coach.history import local_now

    return local_now()


def save_answers(session_id: int, checkin: CheckIn) -> bool | None:
    """Keep a check-in; whether to say the pain advice now, or None when it was not kept."""
    import sqlite3

    from coach.history.checkins import save_checkin
    from coach.history.database import HistoryUnavailable
    from coach.history.store import HistoryStore

    try:
        with HistoryStore.open() as store:
            for notice in store.notices:
                say(notice)
            return save_checkin(store, session_id, checkin)
    except (HistoryUnavailable, sqlite3.Error, OSError, KeyError) as exc:
        say(f"the check-in could not be saved: {exc}")
        return None


def _have_terminal() -> bool:
    """The player draws on a terminal; without one, say what to use instead."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return True
    say("the player needs a terminal; for pipes and scripts use `coach run ROUTINE --plain`")
    return False


def _freeze_what_is_loaded() -> None:
    """Leave every object alive now out of the cyclic collector's later walks: the modules,
    the routine, the app, which live as long as the session anyway.

    Python's full collections would otherwise walk the 60,000 and more objects that importing
    Textual and coach creates, though none of them is garbage: with them frozen, the one at the
    session's end (`CoachApp._finish`, about 1 MB off the session's peak) and any Python starts
    on its own walk only what the session made, about 10 ms instead of 100 on a busy machine.
    Unlike `open_home`, the collector stays on while the routine and the app load, so what
    loading leaves behind is collected rather than frozen for good.
    """
    import gc

    gc.freeze()


#: How long the cyclic garbage collector stays off as home opens (see `open_home`).
COLLECTOR_OFF_S = 1.0


def open_home() -> int:
    if not _have_terminal():
        return 2
    import gc
    import threading

    from coach.tls import tls_left_out

    # The first frame: the cyclic collector would walk the 60,000 and more objects that
    # importing Textual and coach creates, again and again, though none of them is garbage.
    # Off while they load, and frozen (left out of every later collection; they live as long
    # as the process anyway): about 20 ms sooner on the screen. It stays off for home's first
    # second, while the routines, the history and their modules load after that first frame
    # (the list shows about 40 ms sooner), then is on for good.
    gc.disable()
    try:
        with tls_left_out():
            from coach.tui.app import make_app

        app = make_app(
            record_history=True, audio=audio_backend() if sound_off_by_environment() else None
        )
    except BaseException:
        gc.enable()
        raise
    _freeze_what_is_loaded()
    collect_again = threading.Timer(COLLECTOR_OFF_S, gc.enable)
    collect_again.daemon = True
    collect_again.start()
    app.run()
    return app.exit_status()
