"""`coach checkin`: add or change how a session went, after the fact or from a script."""

from __future__ import annotations

import argparse
import sys

from coach.commands.common import positive_int, say, wrapped


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "checkin",
        help="say how a session went: feeling, pain 0-10, a note (default: the newest session)",
        description=(
            "Add or change the check-in of a session. Options given replace those answers; the "
            "others stay. With no options, at a terminal, the questions are asked."
        ),
    )
    p.add_argument(
        "session",
        metavar="SESSION_ID",
        nargs="?",
        type=positive_int,
        help="the session's id as `coach history` shows it (default: the newest)",
    )
    # Read as text and checked in the command, so a bad value is one line naming the choices.
    p.add_argument("--feeling", metavar="easy|right|hard", help="how it felt")
    p.add_argument("--pain", metavar="0-10", help="pain or tightness now; 0 means none")
    p.add_argument("--note", metavar="TEXT", help="one line; an empty one removes the note")
    p.set_defaults(handler=cmd_checkin)


def cmd_checkin(args: argparse.Namespace) -> int:
    from coach.commands.common import with_history
    from coach.commands.session import save_answers
    from coach.history import local_now
    from coach.history.checkins import (
        PAIN_ADVICE,
        Answers,
        CheckIn,
        CheckInError,
        read_feeling,
        read_note,
        read_pain,
    )
    from coach.history.store import HistoryStore
    from coach.plain import ask_checkin, terminal_ask

    try:
        feeling = read_feeling(args.feeling)
        pain = read_pain(args.pain)
        note = read_note(args.note)
    except CheckInError as exc:
        say(f"checkin: {exc}")
        return 2
    given = (args.feeling, args.pain, args.note) != (None, None, None)
    if not given and not sys.stdin.isatty():
        say("checkin: nothing to change; give --feeling, --pain or --note")
        return 2

    chosen: list[tuple[int, CheckIn | None]] = []

    def look(store: HistoryStore) -> int:
        if args.session is not None:
            if store.session_detail(args.session) is None:
                say(f"checkin: there is no session {args.session} in the history")
                return 1
            session_id: int = args.session
        else:
            newest = store.sessions(limit=1)
            if not newest or newest[0].id is None:
                say("checkin: there are no sessions in the history yet")
                return 1
            session_id = newest[0].id
        chosen.append((session_id, store.checkin_of(session_id)))
        return 0

    code = with_history(look, create=False)
    if code or not chosen:
        return code or 1
    session_id, old = chosen[0]
    if given:
        keep = old or CheckIn(None, None, None, local_now())
        answers: Answers = (
            feeling if args.feeling is not None else keep.feeling,
            pain if args.pain is not None else keep.pain,
            note if args.note is not None else keep.note,
        )
    else:
        print(f"Session {session_id}.")
        asked = ask_checkin(terminal_ask, sys.stdout)
        if asked is None:
            print("Nothing changed.")
            return 0
        answers = asked
    checkin = CheckIn(*answers, at=local_now())
    advice = save_answers(session_id, checkin)
    if advice is None:
        return 1
    print(f"Check-in of session {session_id}: {checkin.describe()}.")
    if advice:
        print(wrapped(PAIN_ADVICE))
    return 0
