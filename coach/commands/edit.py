"""`coach new`, `coach edit`, `coach path`: making routines your own from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.routine.catalog import Catalog, RoutineEntry

#: Tried in order when neither $VISUAL nor $EDITOR is set.
FALLBACK_EDITORS = ("nano", "vi")
REOPEN_PROMPT = "Open the editor again? [Y/n] "


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new",
        help="start a routine of your own: a commented template, or a copy (--from)",
        description="Create ID.yaml in your routine folder. It never replaces an existing file.",
    )
    p.add_argument("id", metavar="ID", help="the new routine's id: letters, digits, - and _")
    p.add_argument(
        "--from",
        dest="source",
        metavar="ROUTINE",
        help="copy this routine (an id or a .yaml path) instead of the template",
    )
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser(
        "edit",
        help="open one of your routines in $VISUAL or $EDITOR, then check it",
        description=(
            "Open a routine in your editor and check it when the editor closes. A bundled"
            " routine is first copied to your routine folder."
        ),
    )
    p.add_argument("routine", metavar="ID", help="a routine id (or a path to a .yaml file)")
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("path", help="print where a routine file, or your routine folder, is")
    p.add_argument(
        "routine", metavar="ID", nargs="?", help="a routine id; leave out for the folder"
    )
    p.set_defaults(handler=cmd_path)


def say(message: str) -> None:
    print(f"coach: {message}", file=sys.stderr)


def find_entry(catalog: Catalog, ref: str, hint: str = "") -> RoutineEntry:
    """The routine `ref` names, loaded or broken; SystemExit(1) with a suggestion if none."""
    from coach.routine.catalog import UnknownRoutine

    try:
        return catalog.find(ref)
    except UnknownRoutine as exc:
        raise SystemExit(f"coach: {exc}{hint}") from None


def cmd_new(args: argparse.Namespace) -> int:
    from coach.problems import FileProblems
    from coach.routine.catalog import Catalog
    from coach.routine.template import id_problem, template_text

    routine_id: str = args.id
    problem = id_problem(routine_id)
    if problem:
        say(problem)
        return 1
    catalog = Catalog.default()
    taken = catalog.user_file(routine_id)
    if taken is not None:
        say(f"{taken} already exists; change it with `coach edit {routine_id}` or pick another id")
        return 1
    try:
        if args.source is None:
            target = catalog.add_user_file(routine_id, template_text(routine_id))
        else:
            target = catalog.copy_to_user(usable_entry(catalog, args.source), routine_id)
    except FileExistsError:
        taken = catalog.user_dir / f"{routine_id}.yaml"
        say(f"{taken} already exists; change it with `coach edit {routine_id}`")
        return 1
    except FileProblems as exc:
        raise SystemExit(f"coach: {exc}") from None
    except OSError as exc:
        say(catalog.write_problem(exc))
        return 1
    print(f"Created {target}")
    if catalog.hides_bundled(routine_id):
        say(f"yours takes the place of the bundled routine {routine_id} (delete it to go back)")
    print(f"Change it with `coach edit {routine_id}`; check it with `coach plan {routine_id}`.")
    return 0


def usable_entry(catalog: Catalog, ref: str) -> RoutineEntry:
    """The routine `ref` names, to be copied; SystemExit(1) if it has mistakes."""
    entry = find_entry(catalog, ref)
    if entry.problems:
        for problem in entry.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(f"coach: {ref} has mistakes; fix them before copying it")
    return entry


def cmd_edit(args: argparse.Namespace) -> int:
    from coach.problems import FileProblems
    from coach.routine.catalog import Catalog
    from coach.routine.template import id_problem, refresh_schema

    catalog = Catalog.default()
    ref: str = args.routine
    hint = "" if id_problem(ref) else f", or `coach new {ref}` makes a new one"
    entry = find_entry(catalog, ref, hint=hint)
    command, origin = editor_command()
    path = entry.path
    before: bytes | None = None
    if entry.source == "bundled":
        try:
            path = catalog.copy_to_user(usable_entry(catalog, entry.id))
        except FileProblems as exc:
            raise SystemExit(f"coach: {exc}") from None
        except OSError as exc:
            say(catalog.write_problem(exc))
            return 1
        say(
            f"{entry.id} is a bundled routine, so you edit your own copy: {path}"
            " (it takes the place of the bundled one; delete it to go back)"
        )
    elif entry.routine is not None:
        # Only a version that validated is worth keeping: a broken one never replaces the .bak.
        before = path.read_bytes()
    if in_folder(path, catalog.user_dir):
        refresh_schema(catalog.user_dir)
    return edit_until_valid(path, command, origin, before)


def in_folder(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().parent == folder.resolve()
    except OSError:
        return False


def editor_command() -> tuple[list[str], str]:
    """The editor to run, as words, and where it came from ($VISUAL, $EDITOR or a fallback).

    Both variables may hold arguments (`code --wait`), split as a shell would.
    """
    import os
    import shlex
    import shutil

    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if not value:
            continue
        try:
            words = shlex.split(value)
        except ValueError as exc:
            raise SystemExit(f"coach: cannot read ${variable} ({value!r}): {exc}") from None
        if words:
            return words, f"${variable}"
    for name in FALLBACK_EDITORS:
        found = shutil.which(name)
        if found:
            return [found], name
    raise SystemExit(
        "coach: no editor found: set $EDITOR (for example `export EDITOR=nano`),"
        " or open the file yourself (`coach path ID` says where it is)"
    )


def edit_until_valid(path: Path, command: list[str], origin: str, before: bytes | None) -> int:
    """Open the editor, check the file when it closes, and offer to reopen it on mistakes.

    The offer needs a person at a terminal; otherwise the mistakes are reported and the exit
    status is 1. `before`, the file as it was when it last validated (None when it did not),
    is kept as NAME.bak once the file has changed, so the backup is always a working version.
    """
    from coach import text
    from coach.files import backup_path, write_atomic
    from coach.routine.catalog import Catalog, count_exercises
    from coach.routine.timeline import expand

    backed_up = False
    while True:
        run_editor(command, origin, path)
        if before is not None and not backed_up and read_bytes(path) != before:
            write_atomic(backup_path(path), before)
            backed_up = True
        entry = Catalog.default().load(path, "user")
        if entry.routine is not None:
            length = expand(entry.routine).length
            count = count_exercises(entry.routine)
            print(f"{path}: valid, {length}, {text.plural(count, 'exercise')}")
            return 0
        for problem in entry.problems:
            print(problem, file=sys.stderr)
        if not (sys.stdin.isatty() and ask_to_reopen()):
            if backed_up:
                say(f"the version from before this edit is in {backup_path(path)}")
            elif backup_path(path).is_file():
                say(f"the last version you saved with no mistakes is in {backup_path(path)}")
            return 1


def run_editor(command: list[str], origin: str, path: Path) -> None:
    import subprocess

    try:
        result = subprocess.run([*command, str(path)], check=False)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SystemExit(
            f"coach: cannot start the editor {command[0]!r} (from {origin}): {reason}"
        ) from None
    if result.returncode != 0:
        say(f"the editor exited with status {result.returncode}; checking the file anyway")


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def ask_to_reopen() -> bool:
    """Yes (the default) or no from the terminal; no when input ends."""
    print(REOPEN_PROMPT, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not answer:
        return False
    return answer.strip().lower() in ("", "y", "yes")


def cmd_path(args: argparse.Namespace) -> int:
    from coach.routine.catalog import Catalog

    catalog = Catalog.default()
    if args.routine is None:
        print(catalog.user_dir)
        return 0
    print(find_entry(catalog, args.routine).path)
    return 0
