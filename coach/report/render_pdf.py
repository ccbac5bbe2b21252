"""The report and the handout as PDF, written by fpdf2: the same sections and charts as the HTML.

Text stays text (selectable and searchable). Pages are drawn in Helvetica, built into every PDF
reader, which is quick; when a note or name needs more than Latin-1, they are drawn again in
DejaVu Sans (embedded) where the system has it, with fpdf2's own fallback fonts for what DejaVu
lacks (Droid Sans Fallback for Chinese, Japanese and Korean, Noto Color Emoji for emoji) and
its text shaping (HarfBuzz) so Arabic and Hebrew read right to left, joined. A character that no
font here can draw prints as a visible replacement, and the caller is told once; fpdf2's own log
lines never reach the terminal. Charts are drawn with fpdf2's own lines and boxes, so they print
sharply at any size.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from coach import text as wording
from coach.report import words
from coach.report.figures import Report
from coach.report.handout import GRID_WEEKS, WEEKDAYS, Handout
from coach.report.words import COLOURS, Chart, Table

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/droid"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/dejavu-sans-fonts"),
    Path("/usr/share/fonts/noto"),
    Path("/usr/share/fonts/google-droid-sans-fonts"),
    Path("/usr/share/fonts/google-noto-color-emoji-fonts"),
    Path("/usr/local/share/fonts"),
)
#: Fonts for what DejaVu Sans cannot draw, tried in this order, each only when a text needs it
#: (Debian: fonts-droid-fallback, fonts-noto-color-emoji).
FALLBACKS = (("droid", "DroidSansFallbackFull.ttf"), ("emoji", "NotoColorEmoji.ttf"))
#: What a character no font here can draw prints as: visible, so nothing is silently lost.
REPLACEMENT = "\ufffd"
#: Invisible characters left out when no font has them: joiners, direction marks and the
#: variation selectors that ask for an emoji or a text look.
INVISIBLE = frozenset(range(0xFE00, 0xFE10)) | frozenset(range(0xE0100, 0xE01F0))
BLUE = (31, 78, 121)
GREY = (90, 90, 90)
LINE_MM = 4.2


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Pages:
    """An fpdf2 document with the font set up and the few drawing moves the report makes.

    `needed` is every character beyond Latin-1 a first drawing in Helvetica met: the second
    drawing loads only the fallback fonts that draw some of them."""

    def __init__(self, title: str, needed: frozenset[str] = frozenset()) -> None:
        from fpdf import FPDF

        pdf = FPDF(format="A4", unit="mm")
        pdf.set_margins(14, 12, 14)
        pdf.set_auto_page_break(True, margin=12)
        pdf.set_title(title)
        pdf.set_creator("coach")
        self.pdf: FPDF = pdf
        self.font, self.unicode = "helvetica", False
        #: The characters beyond Latin-1 met so far (drawn as `?` in Helvetica).
        self.beyond: set[str] = set()
        #: The characters no font here draws, shown as REPLACEMENT.
        self.unshown: set[str] = set()
        #: The code points the fonts in use can draw, when DejaVu Sans is in use.
        self.drawable: set[int] = set()
        regular = _font_file("DejaVuSans.ttf")
        bold = _font_file("DejaVuSans-Bold.ttf")
        if needed and regular and bold:
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            self.font, self.unicode = "DejaVu", True
            self.drawable = _code_points(regular) & _code_points(bold)
            self._add_fallbacks(needed)
            pdf.set_text_shaping(True)
        pdf.add_page()

    def _add_fallbacks(self, needed: frozenset[str]) -> None:
        fallbacks = []
        for name, file in FALLBACKS:
            path = _font_file(file)
            missing = {ord(c) for c in needed} - self.drawable
            if path is None or not missing:
                continue
            cmap = _code_points(path)
            if cmap & missing:
                self.pdf.add_font(name, "", str(path))
                self.drawable |= cmap
                fallbacks.append(name)
        if fallbacks:
            self.pdf.set_fallback_fonts(fallbacks, exact_match=False)

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    def clean(self, value: str) -> str:
        """`value` as these fonts can draw it: in Helvetica, `?` for what is beyond Latin-1;
        with DejaVu, REPLACEMENT for what no font draws (INVISIBLE characters and format
        characters such as joiners that no font has are left out)."""
        if not self.unicode:
            beyond = {c for c in value if ord(c) > 0xFF}
            if not beyond:
                return value
            self.beyond |= beyond
            return "".join("?" if c in beyond else c for c in value)
        shown = []
        for c in value:
            if ord(c) in self.drawable or c in "\n\t":
                shown.append(c)
            elif ord(c) not in INVISIBLE and unicodedata.category(c) != "Cf":
                self.unshown.add(c)
                shown.append(REPLACEMENT)
        return "".join(shown)

    def style(
        self, size: float, bold: bool = False, colour: tuple[int, int, int] = (26, 26, 26)
    ) -> None:
        self.pdf.set_font(self.font, "B" if bold else "", size)
        self.pdf.set_text_color(*colour)

    def text(self, value: str, size: float = 8.5, bold: bool = False, gap: float = 0.6) -> None:
        self.style(size, bold)
        self.pdf.multi_cell(
            0, size * 0.45, self.clean(value), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        self.pdf.ln(gap)

    def bullets(self, lines: list[str], size: float = 8.0) -> None:
        self.style(size)
        indent, height = 3.5, size * 0.45
        for line in lines:
            x, y = self.pdf.l_margin, self.pdf.get_y()
            self.pdf.set_fill_color(60, 60, 60)
            self.pdf.ellipse(x + 0.6, y + height / 2 - 0.45, 0.9, 0.9, style="F")
            self.pdf.set_x(x + indent)
            self.pdf.multi_cell(
                0, size * 0.45, self.clean(line), align="L", new_x="LMARGIN", new_y="NEXT"
            )
        self.pdf.ln(0.6)

    def heading(self, name: str, need: float = 30) -> None:
        pdf = self.pdf
        if pdf.get_y() + need > pdf.page_break_trigger:
            pdf.add_page()
        pdf.ln(1.5)
        self.style(11, bold=True, colour=BLUE)
        pdf.cell(0, 6, self.clean(name), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*BLUE)
        pdf.set_line_width(0.4)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + self.width, pdf.get_y())
        pdf.ln(1.5)

    def table(self, t: Table, widths: tuple[float, ...], size: float = 7.8) -> None:
        from fpdf.fonts import FontFace

        self.style(size)
        align = tuple("RIGHT" if i in t.right else "LEFT" for i in range(len(t.header)))
        self.pdf.set_draw_color(200, 200, 200)
        self.pdf.set_line_width(0.2)
        self.pdf.set_fill_color(255, 255, 255)
        with self.pdf.table(
            col_widths=widths,
            width=sum(widths),
            align="LEFT",
            text_align=align,
            borders_layout="HORIZONTAL_LINES",
            line_height=size * 0.45,
            padding=(0.5, 1.2),
            headings_style=FontFace(emphasis="BOLD", fill_color=(238, 243, 248)),
            cell_fill_color=(247, 247, 247),
            cell_fill_mode="ROWS",
        ) as out:
            for row in (t.header, *t.rows):
                cells = out.row()
                for value in row:
                    cells.cell(self.clean(value))
        self.pdf.ln(1.2)

    @contextmanager
    def column(self, left: float, width: float) -> Iterator[None]:
        """Write within a column `width` wide, `left` mm in from the left margin."""
        pdf = self.pdf
        margin, right = pdf.l_margin, pdf.r_margin
        pdf.set_left_margin(margin + left)
        pdf.set_right_margin(pdf.w - margin - left - width)
        pdf.set_x(margin + left)
        try:
            yield
        finally:
            pdf.set_left_margin(margin)
            pdf.set_right_margin(right)

    def chart(self, c: Chart, x: float, y: float, w: float, h: float) -> None:
        """Grouped bars with values on top, a light scale, week labels and a legend."""
        pdf = self.pdf
        self.style(8, bold=True)
        pdf.set_xy(x, y)
        pdf.cell(w, 4, self.clean(c.title), align="C")
        top = c.scale_top
        left, bottom = x + 7, y + h - 9
        plot_top, plot_w = y + 7, w - 9
        plot_h = bottom - plot_top
        pdf.set_line_width(0.15)
        self.style(6.5, colour=GREY)
        for step in (0, 0.5, 1):
            level = bottom - plot_h * step
            pdf.set_draw_color(215, 215, 215)
            pdf.line(left, level, left + plot_w, level)
            pdf.set_xy(x, level - 1.5)
            pdf.cell(6, 3, f"{top * step:g}", align="R")
        groups = max(1, len(c.labels))
        slot = plot_w / groups
        bar_w = slot * 0.8 / max(1, len(c.series))
        for i, label in enumerate(c.labels):
            start = left + i * slot + slot * 0.1
            for k, (_, series) in enumerate(c.series):
                value = series[i]
                bx = start + k * bar_w
                if value is None:
                    continue
                height = plot_h * min(value, top) / top if top else 0
                pdf.set_fill_color(*_rgb(COLOURS[k % len(COLOURS)]))
                if height > 0:
                    pdf.rect(bx, bottom - height, bar_w * 0.92, height, style="F")
                self.style(6, colour=(40, 40, 40))
                pdf.set_xy(bx - 1, bottom - height - 3.2)
                pdf.cell(bar_w * 0.92 + 2, 3, f"{value:g}", align="C")
            self.style(6.5, colour=GREY)
            pdf.set_xy(left + i * slot, bottom + 0.6)
            pdf.cell(slot, 3, self.clean(label), align="C")
        pdf.set_draw_color(120, 120, 120)
        pdf.line(left, bottom, left + plot_w, bottom)
        legend_x = x + w / 2 - 14 * len(c.series)
        for k, (name, _) in enumerate(c.series):
            lx = legend_x + k * 28
            pdf.set_fill_color(*_rgb(COLOURS[k % len(COLOURS)]))
            pdf.rect(lx, y + h - 4.2, 3, 3, style="F")
            self.style(7)
            pdf.set_xy(lx + 4, y + h - 4.7)
            pdf.cell(22, 4, self.clean(name))

    def pair(self, c: Chart, right: Callable[[], None], h: float = 52) -> None:
        """A chart on the left half and whatever `right` writes on the right half."""
        pdf = self.pdf
        half = self.width / 2 - 3
        if pdf.get_y() + h > pdf.page_break_trigger:
            pdf.add_page()
        y = pdf.get_y()
        self.chart(c, pdf.l_margin, y, half, h)
        end = y + h
        pdf.set_y(y)
        with self.column(half + 6, half):
            right()
        end = max(end, pdf.get_y())
        pdf.set_xy(pdf.l_margin, end + 1.5)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _font_file(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


def _code_points(font: Path) -> set[int]:
    """What `font` can draw, read from its character map alone (quick, even for large fonts)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font), lazy=True) as opened:
        return set(opened.getBestCmap())


def _drawn(title: str, draw: Callable[[_Pages], None], warn: Callable[[str], None] | None) -> bytes:
    """Draw in Helvetica, which a PDF reader has built in (quick, nothing to embed); only when
    some text needs more than Latin-1, draw again in DejaVu Sans and its fallbacks, embedded.
    `warn` hears, in one line, of the characters that could not be drawn."""
    # fpdf2 logs each missing glyph; with no handler, Python would print that to stderr.
    fpdf_log = logging.getLogger("fpdf")
    fpdf_log.propagate = False
    if not fpdf_log.handlers:
        fpdf_log.addHandler(logging.NullHandler())
    out = _Pages(title)
    draw(out)
    lost = out.beyond
    if out.beyond and _font_file("DejaVuSans.ttf"):
        out = _Pages(title, frozenset(out.beyond))
        draw(out)
        lost = out.unshown
    if lost and warn is not None:
        shown = "?" if not out.unicode else REPLACEMENT
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(lost)[:5])
        more = ", ..." if len(lost) > 5 else ""
        warn(
            f"the PDF shows {shown} for {wording.plural(len(lost), 'character')} no font on this"
            f" system can draw ({codes}{more})"
        )
    return out.output()


def report(r: Report, warn: Callable[[str], None] | None = None) -> bytes:
    return _drawn(words.TITLE, lambda out: _report(out, r), warn)


def handout(h: Handout, warn: Callable[[str], None] | None = None) -> bytes:
    return _drawn(h.name, lambda out: _handout(out, h), warn)


def _report(out: _Pages, r: Report) -> None:
    w = out.width
    out.style(15, bold=True, colour=BLUE)
    out.pdf.cell(0, 7, words.TITLE, new_x="LMARGIN", new_y="NEXT")
    out.text(words.period_line(r), size=8.5)

    out.heading("Plan")
    if not r.plan:
        out.text(words.NO_PLAN)
    else:
        out.table(words.plan_table(r), (w * 0.4, w * 0.3, w * 0.1, w * 0.2))
        for entry in r.plan:
            if entry.handout is None:
                continue
            out.text(f"{entry.handout.name}: today's doses", size=8, bold=True, gap=0.2)
            out.bullets([f"{e.name}: {e.dose}" for e in entry.handout.exercises], size=7.5)

    out.heading("Adherence per week", need=55)
    if words.has_adherence(r):

        def adherence() -> None:
            half = w / 2 - 3
            out.table(words.adherence_table(r), (half * 0.3, half * 0.18, half * 0.22, half * 0.3))
            out.text(words.PLAN_NOTE, size=6.8)

        out.pair(words.adherence_chart(r), adherence)
    else:
        out.text(words.NO_ADHERENCE)

    out.heading("Exercises done")
    if r.exercises:
        out.table(
            words.exercise_table(r),
            (w * 0.36, w * 0.1, w * 0.1, w * 0.12, w * 0.16, w * 0.16),
            size=7.4,
        )
    else:
        out.text(words.NO_EXERCISES)

    out.heading("Feeling and pain", need=55 if r.has_checkins else 15)
    if r.has_checkins:

        def checkins() -> None:
            half = w / 2 - 3
            out.table(
                words.checkin_table(r),
                (half * 0.28, half * 0.2, half * 0.16, half * 0.18, half * 0.18),
            )

        out.pair(words.pain_chart(r), checkins)
        notes = words.note_lines(r)
        if notes:
            out.text("Notes", size=8, bold=True, gap=0.2)
            out.bullets(notes, size=7.5)
    else:
        out.text(words.NO_CHECKINS)

    out.heading("Cramp diary", need=55 if r.cramps.total else 15)
    if r.cramps.total:

        def summary() -> None:
            for line in words.cramp_summary(r):
                out.text(line, size=8)

        out.pair(words.cramp_chart(r), summary)
        out.table(
            words.cramp_table(r),
            (w * 0.15, w * 0.07, w * 0.07, w * 0.08, w * 0.14, w * 0.17, w * 0.32),
            size=7.2,
        )
    else:
        out.text(words.NO_CRAMPS)

    out.heading("Warning signs", need=35)
    out.text(words.WARNING_INTRO, size=8)
    out.bullets(words.warning_lines(r), size=7.8)
    cautions = words.cautions(r)
    if cautions:
        out.text("Cautions of the planned exercises", size=8, bold=True, gap=0.2)
        out.bullets([f"{name}: {caution}" for name, caution in cautions], size=7.3)

    out.heading("About this record", need=18)
    out.text(words.FOOTER, size=7.5)


def _doctor(out: _Pages) -> None:
    out.heading(words.DOCTOR_TITLE, need=36)
    out.text(words.DOCTOR_INTRO, size=8, gap=0.3)
    out.text(words.RED_FLAGS_LEAD, size=8, bold=True, gap=0.2)
    out.bullets(words.red_flag_lines(), size=7.4)


def _handout(out: _Pages, h: Handout) -> None:
    w = out.width
    out.style(15, bold=True, colour=BLUE)
    out.pdf.multi_cell(0, 7, out.clean(h.name), new_x="LMARGIN", new_y="NEXT")
    out.text(f"{h.length} · {h.count}", size=9)
    if h.description:
        out.text(h.description, size=8.5)
    out.pdf.ln(1)
    if h.relief:
        _doctor(out)
        out.pdf.ln(1)
    for n, e in enumerate(h.exercises, 1):
        out.text(f"{n}. {e.name}: {e.dose}", size=8.8, bold=True, gap=0.1)
        if e.caution:
            out.text(f"Caution: {e.caution}", size=7.3, gap=0.3)
        out.bullets(list(e.instructions), size=7.4)
    if h.rests:
        out.text(f"Also {h.rests}.", size=8)
    if h.relief:
        return
    out.heading("Days done", need=42)
    out.text(words.HANDOUT_NOTE, size=8)
    out.style(8, bold=True)
    pdf = out.pdf
    first, cell = 22.0, (w - 22.0) / len(WEEKDAYS)
    pdf.set_draw_color(110, 110, 110)
    pdf.set_line_width(0.25)
    pdf.cell(first, 6, "Week", border=1, align="C")
    for name in WEEKDAYS:
        pdf.cell(cell, 6, name, border=1, align="C")
    pdf.ln(6)
    for week in range(1, GRID_WEEKS + 1):
        out.style(8, bold=True)
        pdf.cell(first, 6, str(week), border=1, align="C")
        y = pdf.get_y()
        for _ in WEEKDAYS:
            x = pdf.get_x()
            pdf.cell(cell, 6, "", border=1)
            pdf.rect(x + cell / 2 - 2, y + 1, 4, 4)
        pdf.ln(6)
    _doctor(out)
