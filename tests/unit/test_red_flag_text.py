"""The red flags read the same everywhere: the README, the command line, the app's red-flag
screen, the relief routine and the exercise library all use the words in `coach.cramps.guidance`.

Issue #12: the relief routine said "see a doctor" for a swollen, warm, painful calf while the
red-flag list said "urgently, today"; the README paraphrased the list in its own way.
"""

from __future__ import annotations

import re
from datetime import UTC
from pathlib import Path

import yaml

from coach.commands.cramps import WRAP
from coach.cramps.guidance import (
    AT_NIGHT,
    FREQUENT_MONTH,
    FREQUENT_WEEK,
    LONG,
    RED_FLAGS,
    RED_FLAGS_TITLE,
    SWOLLEN_CALF,
    WHEN_TO_SEE_A_DOCTOR,
    notice_after_log,
    red_flags_text,
)
from coach.tui.cramp_view import red_flag_lines

ROOT = Path(__file__).resolve().parents[2]
FLAGS = [flag.text for flag in RED_FLAGS]


def bullets(markdown: str) -> list[str]:
    """Each `- ` list item of a Markdown text as one line, its wrapped lines joined."""
    items: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif not line.strip() or line.startswith("#"):
            items.append("")  # a break: the next indented line is not part of an item
    return [item for item in items if item]


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"### {title}\n")
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else None]


def test_the_readme_lists_every_red_flag_in_the_apps_words() -> None:
    assert bullets(readme_section("When to see a doctor")) == FLAGS


def test_every_readme_mention_of_a_red_flag_is_the_flag_itself() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for item in bullets(readme):
        for flag in RED_FLAGS:
            if flag.sign in item:
                assert item == flag.text


def test_the_command_line_shows_the_same_words_wrapped() -> None:
    lines = red_flags_text(WRAP).splitlines()
    assert lines[0] == f"{RED_FLAGS_TITLE}:"
    items = re.split(r"\n  - ", "\n".join(lines[1:]).removeprefix("  - "))
    assert [" ".join(item.split()) for item in items] == FLAGS


def test_the_apps_red_flag_screen_shows_the_same_words() -> None:
    assert [words for words, _ in red_flag_lines()] == FLAGS


def every_text(node: object) -> list[str]:
    """Every string in a parsed YAML document."""
    if isinstance(node, str):
        return [" ".join(node.split())]
    if isinstance(node, dict):
        return [text for value in node.values() for text in every_text(value)]
    if isinstance(node, list):
        return [text for value in node for text in every_text(value)]
    return []


def test_routine_files_speak_of_a_swollen_calf_only_in_the_red_flags_words() -> None:
    files = sorted((ROOT / "routines").glob("*.yaml"))
    mentions = [
        (path.name, text)
        for path in files
        for text in every_text(yaml.safe_load(path.read_text(encoding="utf-8")))
        if "swollen" in text.lower()
    ]
    assert mentions, "the calf stretch and rub in the library carry the warning"
    for name, text in mentions:
        assert text == SWOLLEN_CALF.text, name


def test_the_readme_gives_the_thresholds_the_code_uses_as_coachs_own() -> None:
    """Issue #12: the README said "several night cramps" and left the numbers looking like the
    NHS's; they are coach's own choice, stated as the code applies them."""
    section = " ".join(readme_section("When to see a doctor").split())
    for words in (
        f"{FREQUENT_WEEK.cramps} or more cramps in a week",
        f"{FREQUENT_MONTH.cramps} or more in 4 weeks",
        f"{AT_NIGHT.cramps} or more night cramps in {AT_NIGHT.days // 7} weeks",
        "a cramp lasting over 10 minutes",
        "These numbers are coach's own choice",
    ):
        assert words in section, words
    assert (FREQUENT_WEEK.days, FREQUENT_MONTH.days, LONG.cramps) == (7, 28, 1)


def test_when_to_see_a_doctor_is_said_one_way_everywhere() -> None:
    """ux-defects #16: the same advice was said three ways: the red flag "See a doctor about
    it", the notice after logging "...worth mentioning to a doctor" and the README "Talk to a
    doctor if...". The README, the notice and the red flag now share the words in `guidance`."""
    from datetime import datetime

    from coach.cramps.records import new_cramp

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert readme.count(WHEN_TO_SEE_A_DOCTOR) == 2  # the opening, and "When to see a doctor"
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    notice = notice_after_log([new_cramp(now, duration="over-10-min")], now)
    assert notice is not None and WHEN_TO_SEE_A_DOCTOR in notice
    long = next(flag for flag in RED_FLAGS if "longer than 10 minutes" in flag.sign)
    assert long.action.startswith("See a doctor") and WHEN_TO_SEE_A_DOCTOR.startswith(
        "See a doctor"
    )
    for said in (readme, notice):
        for other in ("Talk to a doctor", "talk to a doctor", "worth mentioning to a doctor"):
            assert other not in said
