"""A printed routine carries the app's own safety words: when to see a doctor, the red flags,
and, on the cramp relief, the warning a stretch must not meet before the first stretch.

ux-defects #7: `coach print foot-daily` printed no doctor or warning text at all; the relief's
first step ("Stop and stretch it the other way") had no caution on paper, so the swollen-calf
warning first came at step 2, after the reader had stretched; and the relief printed a 4-week
grid of tick boxes, which means nothing for relief.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.cramps.guidance import RED_FLAGS, WHEN_TO_SEE_A_DOCTOR, relief_warning
from coach.cramps.values import RELIEF_ROUTINE

from .documents import Page, bundled_routines, coach, pdf_text

FORMATS = ("md", "html", "pdf")


def printed(routine: str, fmt: str, folder: Path) -> str:
    """The text a reader sees on `coach print ROUTINE` in `fmt`, each run of spaces as one."""
    out = folder / f"{routine}.{fmt}"
    result = coach("print", routine, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().count("\n") == 1  # only "Wrote the handout to ..."
    if fmt == "pdf":
        pages, text = pdf_text(out.read_bytes())
        assert pages == 1
        return text
    if fmt == "html":
        return Page(out.read_text(encoding="utf-8")).words
    markdown = out.read_text(encoding="utf-8").replace("\\", "")
    return " ".join(markdown.split())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("routine", bundled_routines())
def test_every_handout_says_when_to_see_a_doctor_in_the_apps_words(
    routine: str, fmt: str, tmp_path: Path
) -> None:
    text = printed(routine, fmt, tmp_path)
    assert "When to see a doctor" in text
    assert WHEN_TO_SEE_A_DOCTOR in text
    for flag in RED_FLAGS:
        assert flag.text in text, flag.sign
    grid = "Tick a box each day" in text
    assert grid == (routine != RELIEF_ROUTINE)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_relief_handout_warns_before_the_first_stretch(fmt: str, tmp_path: Path) -> None:
    text = printed(RELIEF_ROUTINE, fmt, tmp_path)
    first_stretch = text.index("Stop what you are doing.")
    step_one = text.index("1. Stop and stretch it the other way")
    # The red flags lead the page, and the first step's own caution says the two that matter
    # before its instructions, as the step does on screen.
    assert text.index(RED_FLAGS[1].text) < step_one
    assert step_one < text.index(f"Caution: {relief_warning()}", step_one) < first_stretch
    assert "Days done" not in text and "Tick a box" not in text
