"""`coach run` and the home screen: the commands that play a session."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="play a routine (the player, or --plain text lines)")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a path to a .yaml file")
    p.add_argument(
        "--plain", action="store_true", help="no TUI: one line per event, Enter for self-paced"
    )
    p.add_argument("--mute", action="store_true", help="no sound cues")
    p.add_argument("--no-voice", action="store_true", help="beeps only, no spoken cues")
    p.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    from coach.commands.routines import load_entry
    from coach.routine.catalog import Catalog

    entry = load_entry(Catalog.default(), args.routine)
    assert entry.routine is not None
    if not args.plain:
        from coach.tui.app import make_app

        app = make_app(start_routine=entry.routine)
        app.run()
        return app.return_code or 0
    from coach.plain import PlainRunner, stdin_source
    from coach.routine.timeline import expand
    from coach.session.clock import MonotonicClock
    from coach.session.engine import SessionEngine

    engine = SessionEngine(expand(entry.routine), MonotonicClock())
    runner = PlainRunner(engine, sys.stdout, stdin_source())
    try:
        completed = runner.run()
    except KeyboardInterrupt:
        print("Stopped. What you finished so far counts.", file=sys.stderr)
        return 130
    return 0 if completed else 1


def open_home() -> int:
    from coach.tui.app import make_app

    app = make_app()
    app.run()
    return app.return_code or 0
