"""What the voice says for each cue of a session, as plain text for the speech renderer.

Kept apart from the audio code so the wording can be read and tested without a speaker: a line
is short (it has to fit between beeps), names the exercise and what to do when one begins, and
counts "3, 2, 1" only into work, where getting the start right matters.
"""

from __future__ import annotations

from coach import text
from coach.routine.timeline import Segment, Timeline
from coach.session.engine import Cue

#: Said at the end whatever was done: "complete" is for sessions that pass the completed rule
#: (coach.history.outcome), which the screen and `--plain` say once the end is reached.
FINISHED = "End of the session"
SWITCH = "Switch sides"
REST = "Rest"
HALFWAY = "Halfway"


def spoken_length(seconds: float) -> str:
    """`30 seconds`, `1 minute`, `2 minutes 15 seconds`: words a voice reads naturally."""
    whole = max(0, round(seconds))
    minutes, secs = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(text.plural(minutes, "minute"))
    if secs or not minutes:
        parts.append(text.plural(secs, "second"))
    return " ".join(parts)


def _amount(work: Segment) -> str:
    if work.reps is not None:
        each = text.reps(work.reps)
    elif work.duration_s is not None:
        each = spoken_length(work.duration_s)
    else:
        each = "at your own pace"
    if work.sets and work.sets > 1:
        return f"{work.sets} sets of {each}"
    return each


def _sides(timeline: Timeline, work: Segment) -> str:
    sides = [s.side for s in _group(timeline, work) if s.kind == "work" and s.side]
    if not sides:
        return ""
    if len(set(sides)) > 1:
        return f"{sides[0]} side first"
    return f"{sides[0]} side"


def _group(timeline: Timeline, segment: Segment) -> list[Segment]:
    return [s for s in timeline.segments if s.group == segment.group]


def first_work(timeline: Timeline, segment: Segment) -> Segment | None:
    """The first work segment of the exercise that `segment` belongs to."""
    return next((s for s in _group(timeline, segment) if s.kind == "work"), None)


def announcement(timeline: Timeline, segment: Segment) -> str:
    """The exercise `segment` belongs to and what to do: `Calf raise, 10 reps, left side first`."""
    work = first_work(timeline, segment) or segment
    parts = [work.name, _amount(work), _sides(timeline, work)]
    return ", ".join(p for p in parts if p)


def _opens_exercise(timeline: Timeline, segment: Segment) -> bool:
    """True for the work segment that starts an exercise with no prepare segment before it."""
    if segment.index == 0:
        return True
    return timeline.segments[segment.index - 1].group != segment.group


def line_for(cue: Cue, timeline: Timeline) -> str | None:
    """The words for one engine cue, or None when the cue is a beep only (tempo, mid-set starts)."""
    segment = cue.segment
    if cue.kind == "prepare":
        return announcement(timeline, segment)
    if cue.kind == "start":
        return announcement(timeline, segment) if _opens_exercise(timeline, segment) else None
    if cue.kind == "switch":
        return SWITCH
    if cue.kind == "rest":
        return REST
    if cue.kind == "halfway":
        return HALFWAY
    if cue.kind == "finish":
        return FINISHED
    if cue.kind == "countdown":
        following = segment.index + 1
        if following < len(timeline.segments) and timeline.segments[following].kind == "work":
            return cue.detail
        return None
    return None


def phrases(timeline: Timeline) -> list[str]:
    """Every line a session of `timeline` may say, in the order it is first needed.

    The voice renders these ahead of time so the first cue is not late while espeak-ng runs.
    """
    found: dict[str, None] = {}
    for segment in timeline.segments:
        if segment.kind == "prepare" or (
            segment.kind == "work" and _opens_exercise(timeline, segment)
        ):
            found[announcement(timeline, segment)] = None
        elif segment.kind == "switch":
            found[SWITCH] = None
        elif segment.kind == "rest":
            found[REST] = None
    for word in ("3", "2", "1", HALFWAY, FINISHED):
        found[word] = None
    return list(found)
