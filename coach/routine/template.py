"""Starting points for a person's own routine files: the commented template and copies.

The files are written through `coach.files`, so nothing hand-made is ever lost. The JSON Schema
sits next to the routines so editors can complete and check them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from coach.files import write_atomic
from coach.problems import one_line
from coach.routine.files import LIBRARY_FILE
from coach.routine.schema import routine_schema

#: The schema's file name in the user's routine folder; the modeline points to it.
SCHEMA_FILE = "routine.schema.json"
#: First line of every file coach writes: yaml-language-server finds the schema through it.
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
MAX_ID_LENGTH = 64

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_MODELINE_PREFIX = "# yaml-language-server:"


def id_problem(routine_id: str) -> str | None:
    """Why `routine_id` cannot be the stem of a routine file, or None when it can.

    Ids become file names, so only plain letters, digits, `-` and `_` are taken: no folders,
    no hidden files, nothing a shell or another system would read differently.
    """
    if not _ID.fullmatch(routine_id):
        return (
            f"{routine_id!r} cannot be a routine id: use letters, digits, - and _ only,"
            " starting with a letter or digit (for example my-feet)"
        )
    if len(routine_id) > MAX_ID_LENGTH:
        return f"a routine id has at most {MAX_ID_LENGTH} characters"
    if routine_id == Path(LIBRARY_FILE).stem:
        return f"{LIBRARY_FILE} is your exercise library, not a routine; pick another id"
    return None


def display_name(routine_id: str) -> str:
    """A readable first `name:` for a new routine: `my-feet_2` gives `My feet 2`."""
    words = re.sub(r"[-_]+", " ", routine_id).strip()
    return words[:1].upper() + words[1:] if words else "My routine"


def template_text(routine_id: str) -> str:
    """A commented routine that explains every key and is itself a valid routine."""
    return _TEMPLATE.format(modeline=MODELINE, id=routine_id, name=display_name(routine_id))


def copied_text(source: str, origin: str) -> str:
    """`source` (a routine file's text) as a new file: the modeline first, then a line saying
    where it came from. A modeline already at the top of `source` is not repeated."""
    lines = source.removeprefix("\ufeff").splitlines(keepends=True)
    while lines and lines[0].startswith(_MODELINE_PREFIX):
        lines.pop(0)
    body = "".join(lines)
    if body and not body.endswith("\n"):
        body += "\n"
    return f"{MODELINE}\n# Copied from {one_line(origin)}.\n{body}"


#: A top-level `name:` with its value on the same line (not a block scalar).
_NAME_LINE = re.compile(r"^name:[ \t]*(?![|>])[^\n]*$", re.MULTILINE)
#: What a copy under a new id adds to its name, so it never reads the same as its source.
COPY_SUFFIX = " (my copy)"


def renamed_copy(text: str, name: str) -> str:
    """`text` with its top-level `name:` saying `<name> (my copy)`; unchanged when it has no
    such line. The new name is written as a JSON string, which YAML reads as it is."""
    line = f"name: {json.dumps(name + COPY_SUFFIX, ensure_ascii=False)}"
    return _NAME_LINE.sub(lambda _: line, text, count=1)


def schema_text() -> str:
    return json.dumps(routine_schema(), indent=2) + "\n"


def refresh_schema(folder: Path) -> Path | None:
    """Write `routine.schema.json` into `folder` unless it is already current.

    Returns the file's path when it was (re)written, None when it was up to date.
    """
    path = folder / SCHEMA_FILE
    text = schema_text()
    try:
        if path.read_text(encoding="utf-8") == text:
            return None
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text)
    return path


_TEMPLATE = """\
{modeline}
#
# A coach routine of your own. Lines starting with # are comments; coach ignores them.
# Change anything, save, and close the editor: coach checks the file and says exactly
# where a mistake is. Other ways to check it:
#   coach validate <this file>   (mistakes as FILE:LINE:COL: message)
#   coach plan {id}   (the timeline, segment by segment)
#   coach run {id}   (try it)
#
# Durations are seconds (30) or text: 30s, 2m, 1m30s, 1h.

# name (required): what the routine is called on screen.
name: {name}

# description: a sentence or two on what the routine is for.
description: A short routine of my own for feet and calves.

# tags: words to group routines by, on one line in [ ] or one per line after "- ".
tags: [feet, calves, mine]

# These three are defaults for every exercise step; a step can set its own.
# prepare: get-ready time before each exercise (default 5s; 0 turns it off).
prepare: 5s
# rest: rest between the sets of an exercise (default 0: straight on).
rest: 10s
# switch: pause to change sides, for exercises done on both sides (default 5s).
switch: 5s

# sounds: a different sound for an event, or none to silence it. The events are
# prepare, start, countdown, halfway, tempo, switch, rest and finish. A sound is the name
# of a WAV file without .wav, from the sounds folder in your coach config folder or coach's
# own (prepare, start, countdown, halfway, switch, rest, finish, tempo-up, tempo-hold,
# tempo-down, tempo-pause). Remove the # signs below to try it.
# sounds:
#   finish: halfway     # the halfway chime at the end
#   countdown: none     # no ticks before a segment ends

# steps (required): what to do, in order. A step is an exercise, a rest or a repeat block.
steps:
  # An exercise from the library: `coach exercises` lists the ids. The library gives its
  # name, instructions, caution and sides; the step may change any of them.
  # Every exercise has either a duration (a timed hold) or reps (repetitions).
  - exercise: ankle-circles
    duration: 20s          # a timed hold
    sides: both            # none, left, right, or both (each set left, then right)
    switch: 3s             # this step's pause between sides
    prepare: 10s           # this step's get-ready time
    # progress: the step grows as you keep at the routine: here 5s more for every 7 days
    # on which you completed it, up to 40s. On a step with reps, add a whole number of reps.
    progress: {{every: 7d, add: 5s, max: 40s}}

  # Repetitions with a tempo: each rep goes through the phases in the order written.
  # The phases are up, hold, down and pause; leave out the ones you do not need.
  - exercise: calf-raise
    name: Slow calf raise  # the name shown for this step
    reps: 8
    tempo:
      up: 2s
      hold: 1s
      down: 3s
      pause: 1s
    sets: 2                # how many sets (default 1)
    rest: 15s              # rest between this step's sets
    caution: Hold on to a chair back for balance. Stop if it hurts.

  # An exercise of your own: give it a name, and instructions as one line or a list.
  - name: Towel scrunch
    instructions:
      - Sit with a small towel flat under one foot.
      - Scrunch the towel toward you with your toes, then spread it out again.
    reps: 10               # reps without tempo are at your own pace: press Enter when done

  # A rest step: a pause between exercises.
  - rest: 20s

  # A repeat block: its steps are done this many times, with its rest between rounds.
  - repeat: 2
    rest: 10s
    steps:
      - exercise: calf-stretch
        duration: 30s
"""
