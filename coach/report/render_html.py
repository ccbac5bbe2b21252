"""The report and the handout as one self-contained HTML file: inline styles, inline SVG charts.

Nothing is fetched (no scripts, fonts, stylesheets or images from elsewhere), so the file can be
emailed and opened anywhere, and printing it from a browser gives the same pages: the print
stylesheet leaves the paper size to the printer and keeps within the narrower A4 width and the
shorter Letter height. Every piece of user text goes through `html.escape`.
"""

from __future__ import annotations

from html import escape

from coach.report import words
from coach.report.charts_svg import svg
from coach.report.figures import Report
from coach.report.handout import GRID_WEEKS, WEEKDAYS, Handout
from coach.report.words import Chart, Table

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1a1a1a;
  background: #fff; margin: 0 auto; padding: 24px; max-width: 820px; font-size: 14px;
  line-height: 1.4; }
h1 { font-size: 22px; margin: 0 0 2px; color: #1f4e79; }
h2 { font-size: 15px; margin: 16px 0 6px; padding-bottom: 2px; color: #1f4e79;
  border-bottom: 1.5px solid #1f4e79; }
h3 { font-size: 13px; margin: 8px 0 2px; }
p { margin: 4px 0; }
.meta { color: #444; margin: 0 0 6px; }
.empty { color: #555; font-style: italic; }
.small { font-size: 12px; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; font-size: 12.5px; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #d8d8d8;
  vertical-align: top; }
th { background: #eef3f8; font-weight: 600; white-space: nowrap; }
td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:last-child td { border-bottom: none; }
table.cramps td:nth-child(-n+6) { white-space: nowrap; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; align-items: start; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; font-size: 12.5px; text-align: center; }
.chart svg { width: 100%; height: auto; display: block; }
h2, h3 { break-after: avoid; }
ul { margin: 4px 0; padding-left: 20px; }
li { margin: 1px 0; }
.doses { columns: 2; column-gap: 20px; }
.doses li { break-inside: avoid; }
.warning { border-left: 4px solid #b03a2e; padding: 4px 10px; background: #fbf1ef; }
footer { margin-top: 14px; padding-top: 6px; border-top: 1px solid #999; font-size: 12px;
  color: #333; }
section { break-inside: auto; }
.keep { break-inside: avoid; }
.exercises { columns: 2; column-gap: 22px; }
.exercise { break-inside: avoid; margin: 0 0 8px; }
.exercise h3 { margin: 0; }
.dose { font-weight: 600; margin: 0 0 2px; color: #1f4e79; }
.caution { margin: 2px 0 0; font-size: 12.5px; }
.grid { table-layout: fixed; }
.grid td, .grid th { text-align: center; border: 1px solid #777; height: 24px; }
.grid td:first-child, .grid th:first-child { width: 70px; }
.box { display: inline-block; width: 14px; height: 14px; border: 1.5px solid #333; }
@media screen and (max-width: 640px) {
  body { padding: 12px; }
  .pair { grid-template-columns: 1fr; }
  .doses, .exercises { columns: 1; }
}
@media print {
  @page { margin: 10mm 12mm; }
  body { padding: 0; max-width: none; font-size: 8.6pt; line-height: 1.25; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin: 7px 0 3px; }
  h3 { font-size: 9pt; margin: 4px 0 1px; }
  table { font-size: 8pt; margin: 2px 0; }
  th, td { padding: 0.5px 4px; }
  li { margin: 0; }
  .pair { gap: 10px; }
  .small, footer, .caution { font-size: 7.6pt; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .chart svg { max-height: 44mm; }
  .exercise { margin: 0 0 3px; }
  .exercise h3 { font-size: 9pt; }
  .exercise ul { margin: 1px 0; }
  .exercises .small, .exercises .caution, .exercises p { font-size: 7.6pt; line-height: 1.25; }
  .exercises .dose { font-size: 8.4pt; }
  .grid td, .grid th { height: 5.5mm; padding: 0 4px; }
  #when-to-see-a-doctor .warning { font-size: 7.6pt; line-height: 1.2; padding: 2px 8px; }
  #when-to-see-a-doctor ul { margin: 1px 0; }
}
"""


def table(t: Table, css: str = "") -> str:
    def cell(tag: str, i: int, value: str) -> str:
        kind = ' class="num"' if i in t.right else ""
        return f"<{tag}{kind}>{escape(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(t.header))
    rows = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in t.rows
    )
    css_class = f' class="{css}"' if css else ""
    return f"<table{css_class}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def chart(c: Chart) -> str:
    return f'<figure class="chart keep"><figcaption>{escape(c.title)}</figcaption>{svg(c)}</figure>'


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _section(name: str, inner: str) -> str:
    ident = name.lower().replace(" ", "-")
    return f'<section id="{ident}">\n<h2>{escape(name)}</h2>\n{inner}\n</section>\n'


def _empty(line: str) -> str:
    return f'<p class="empty">{escape(line)}</p>'


def _plan(r: Report) -> str:
    if not r.plan:
        return _empty(words.NO_PLAN)
    parts = [table(words.plan_table(r))]
    for entry in r.plan:
        if entry.handout is None:
            continue
        items = "".join(
            f"<li><strong>{escape(e.name)}</strong>: {escape(e.dose)}</li>"
            for e in entry.handout.exercises
        )
        parts.append(
            f"<h3>{escape(entry.handout.name)}: today's doses</h3>"
            f'<ul class="doses small">{items}</ul>'
        )
    return "\n".join(parts)


def _adherence(r: Report) -> str:
    if not words.has_adherence(r):
        return _empty(words.NO_ADHERENCE)
    return (
        f'<div class="pair keep">{chart(words.adherence_chart(r))}'
        f"<div>{table(words.adherence_table(r))}"
        f'<p class="small">{escape(words.PLAN_NOTE)}</p></div></div>'
    )


def _checkins(r: Report) -> str:
    if not r.has_checkins:
        return _empty(words.NO_CHECKINS)
    notes = "".join(f"<li>{escape(line)}</li>" for line in words.note_lines(r))
    return (
        f'<div class="pair keep">{chart(words.pain_chart(r))}'
        f"<div>{table(words.checkin_table(r))}</div></div>"
        + (f'<h3>Notes</h3><ul class="small">{notes}</ul>' if notes else "")
    )


def _cramps(r: Report) -> str:
    summary = "".join(f"<p>{escape(line)}</p>" for line in words.cramp_summary(r))
    if not r.cramps.total:
        return f'<p class="empty">{escape(words.NO_CRAMPS)}</p>'
    return (
        f'<div class="pair keep">{chart(words.cramp_chart(r))}<div>{summary}</div></div>'
        + table(words.cramp_table(r), "cramps")
    )


def _warnings(r: Report) -> str:
    signs = "".join(f"<li>{escape(line)}</li>" for line in words.warning_lines(r))
    cautions = "".join(
        f"<li><strong>{escape(name)}</strong>: {escape(text)}</li>"
        for name, text in words.cautions(r)
    )
    extra = (
        f'<h3>Cautions of the planned exercises</h3><ul class="small">{cautions}</ul>'
        if cautions
        else ""
    )
    return (
        f'<div class="warning keep"><p>{escape(words.WARNING_INTRO)}</p><ul>{signs}</ul></div>'
        + extra
    )


def report(r: Report) -> str:
    body = [
        f"<header><h1>{escape(words.TITLE)}</h1>"
        f'<p class="meta">{escape(words.period_line(r))}</p></header>',
        _section("Plan", _plan(r)),
        _section("Adherence per week", _adherence(r)),
        _section(
            "Exercises done",
            table(words.exercise_table(r)) if r.exercises else _empty(words.NO_EXERCISES),
        ),
        _section("Feeling and pain", _checkins(r)),
        _section("Cramp diary", _cramps(r)),
        _section("Warning signs", _warnings(r)),
        f'<footer id="about-this-record"><strong>About this record.</strong> '
        f"{escape(words.FOOTER)}</footer>",
    ]
    return page(f"{words.TITLE}, {words.period_line(r)}", "\n".join(body))


def _doctor() -> str:
    signs = "".join(f"<li>{escape(line)}</li>" for line in words.red_flag_lines())
    return (
        f'<section id="when-to-see-a-doctor" class="keep"><h2>{escape(words.DOCTOR_TITLE)}</h2>'
        f'<div class="warning"><p>{escape(words.DOCTOR_INTRO)}</p>'
        f"<p>{escape(words.RED_FLAGS_LEAD)}</p><ul>{signs}</ul></div></section>"
    )


def handout(h: Handout) -> str:
    parts = [
        f"<header><h1>{escape(h.name)}</h1>"
        f'<p class="meta">{escape(h.length)} · {escape(h.count)}</p>'
        + (f"<p>{escape(h.description)}</p>" if h.description else "")
        + "</header>",
    ]
    if h.relief:
        parts.append(_doctor())
    parts.append('<div class="exercises">')
    for n, e in enumerate(h.exercises, 1):
        steps = "".join(f"<li>{escape(line)}</li>" for line in e.instructions)
        caution = (
            f'<p class="caution"><strong>Caution:</strong> {escape(e.caution)}</p>'
            if e.caution
            else ""
        )
        parts.append(
            f'<div class="exercise"><h3>{n}. {escape(e.name)}</h3>'
            f'<p class="dose">{escape(e.dose)}</p>{caution}<ul class="small">{steps}</ul></div>'
        )
    if h.rests:
        parts.append(f'<p class="exercise">Also {escape(h.rests)}.</p>')
    parts.append("</div>")
    if not h.relief:
        head = "".join(f"<th>{d}</th>" for d in ("Week", *WEEKDAYS))
        rows = "".join(
            f"<tr><th>{n}</th>" + '<td><span class="box"></span></td>' * len(WEEKDAYS) + "</tr>"
            for n in range(1, GRID_WEEKS + 1)
        )
        parts.append(
            f'<section id="days-done" class="keep"><h2>Days done</h2>'
            f"<p>{escape(words.HANDOUT_NOTE)}</p>"
            f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            "</section>"
        )
        parts.append(_doctor())
    return page(h.name, "\n".join(parts))
