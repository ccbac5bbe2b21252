"""The calendar event's description: each exercise with its whole dose, as the handout says it."""

from __future__ import annotations

from coach.remind.ical import description
from coach.routine.catalog import Catalog
from coach.routine.timeline import expand


def test_the_description_names_sets_and_sides_not_one_hold() -> None:
    """Bug: `coach calendar` described foot-quick's calf stretch as "20 s" where the routine
    asks for 2 sets of 20 s on each side (the report and handout say so): the description took
    the amount of the first work segment only."""
    routine = Catalog.default().find("foot-quick").routine
    assert routine is not None
    lines = description(expand(routine)).splitlines()
    assert "- Calf stretch, straight knee: 2 sets of 20 s, each side" in lines
    assert "- Ankle circles: 30 s, each side" in lines
    assert "- Calf raise: 6 reps (3-5 s)" in lines
