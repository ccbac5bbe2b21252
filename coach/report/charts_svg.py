"""A report chart as inline SVG drawn by pygal, with nothing that reaches out of the page.

pygal's output carries a configuration script, comments naming its web site and XML namespace
URLs; an HTML page needs none of them (HTML knows inline SVG), and a report that is emailed
must not fetch or run anything, so they are taken out.
"""

from __future__ import annotations

import re

from coach.report.words import COLOURS, Chart

_STRIP = (
    re.compile(r"<script\b.*?</script>", re.S),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r'\sxmlns(?::\w+)?="[^"]*"'),
)


def svg(chart: Chart, width: int = 440, height: int = 240) -> str:
    """The chart as an `<svg>` element that scales to the width of its box."""
    import pygal
    from pygal.style import Style

    style = Style(
        background="white",
        plot_background="white",
        foreground="#222222",
        foreground_strong="#111111",
        foreground_subtle="#bbbbbb",
        font_family="DejaVu Sans, Helvetica, Arial, sans-serif",
        colors=COLOURS,
        label_font_size=15,
        major_label_font_size=15,
        legend_font_size=16,
        value_font_size=15,
        title_font_size=16,
        opacity="1",
        opacity_hover="1",
        transition="0s",
    )
    top = chart.scale_top
    bar = pygal.Bar(
        js=[],
        disable_xml_declaration=True,
        width=width,
        height=height,
        style=style,
        legend_at_bottom=True,
        legend_box_size=14,
        legend_at_bottom_columns=len(chart.series),
        print_values=True,
        print_zeroes=True,
        print_values_position="top",
        range=(0, top),
        min_scale=2,
        max_scale=6,
        show_y_guides=True,
        margin=6,
        spacing=8,
        tooltip_border_radius=0,
        value_formatter=lambda v: f"{v:g}",
        no_data_text="",
    )
    bar.x_labels = list(chart.labels)
    for name, series in chart.series:
        bar.add(name, list(series))
    out: str = bar.render(is_unicode=True)
    for pattern in _STRIP:
        out = pattern.sub("", out)
    return out
