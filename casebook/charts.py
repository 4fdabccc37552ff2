"""Accessible bar charts as SVG, drawn on the server: no JavaScript, no images, no fonts.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>``, so a screen reader announces one image with a summary; the page puts the full
data table beside it. Meaning never rests on colour: every bar carries its value as text
next to it, and a chart with two series draws the second with a hatch pattern and names
both in a legend.

Labels come from people (organisation units, excuses) and are escaped here, so a unit
called ``<script>`` is drawn as text; characters that XML does not allow (control
characters) are dropped, so the SVG always parses. Colours are presentation attributes
(allowed by the strict Content-Security-Policy, unlike ``style=``), which
``static/css/insight.css`` refines for themes and print.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Characters XML 1.0 does not allow in text (tab, newline and carriage return are fine).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

WIDTH = 560  # about half the page: the chart sits beside its data table
LABEL_WIDTH = 200  # room for the row labels, left of the bars
BAR_AREA = 220  # the longest bar; the rest of the width is for the value beside it
VALUE_GAP = 8  # between the end of a bar and its value
BAR_HEIGHT = 20
SERIES_GAP = 4  # between the bars of one row
ROW_GAP = 14  # between rows
TOP = 12
LEGEND_HEIGHT = 30
FONT_SIZE = 13
LABEL_CHARACTERS = 22  # longer labels are shortened in the chart, never in the table

INK = "#1b1b1b"
BAR = "#154273"
PAPER = "#ffffff"


def clean(text):
    """The text without characters XML cannot hold."""
    return NOT_IN_XML.sub("", str(text))


def text(value):
    """Escaped text for an SVG text node or attribute."""
    return escape(clean(value))


def shorten(label, limit=LABEL_CHARACTERS):
    label = " ".join(clean(label).split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


@dataclass
class Series:
    """One kind of bar: its name in the legend, and whether it is drawn hatched."""

    name: str
    hatched: bool = False


@dataclass
class Row:
    """One row of the chart: a label, one value per series and the text shown beside each
    bar (by default the value itself)."""

    label: str
    values: list
    value_labels: list = field(default_factory=list)

    def value_label(self, index):
        if index < len(self.value_labels):
            return self.value_labels[index]
        value = self.values[index]
        return f"{value:g}" if isinstance(value, float) else str(value)


def bar_chart(*, chart_id, title, description, rows, series=None, maximum=None):
    """A horizontal bar chart: one row per label, one bar per series in each row.

    ``chart_id`` makes the ids of the title, description and pattern unique on the page
    (letters, digits and hyphens). Returns safe markup for a template.
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", chart_id):
        raise ValueError(f"chart id {chart_id!r}: lower-case letters, digits and hyphens")
    series = series or [Series("")]
    legend = len(series) > 1
    largest = max([*(v for row in rows for v in row.values), maximum or 0, 0]) or 1
    row_height = len(series) * BAR_HEIGHT + (len(series) - 1) * SERIES_GAP
    top = TOP + (LEGEND_HEIGHT if legend else 0)
    height = top + max(len(rows), 1) * (row_height + ROW_GAP) + TOP
    hatch = f"{chart_id}-hatch"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{text(title)}</title>',
        f'<desc id="{chart_id}-desc">{text(description)}</desc>',
        "<defs>"
        f'<pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect class="chart__paper" width="6" height="6" fill="{PAPER}"/>'
        f'<line class="chart__hatch" x1="0" y1="0" x2="0" y2="6" stroke="{BAR}" '
        'stroke-width="3"/>'
        "</pattern>"
        "</defs>",
    ]

    def fill(kind):
        return f"url(#{hatch})" if kind.hatched else BAR

    def bar_class(kind):
        # Only plain bars take their fill from the stylesheet; hatched ones keep the pattern.
        return "chart__outline" if kind.hatched else "chart__bar"

    if legend:
        # The legend names each series beside a sample of its fill (plain or hatched).
        x = 0
        for kind in series:
            parts.append(
                f'<rect class="{bar_class(kind)}" '
                f'x="{x}" y="{TOP}" width="16" height="16" fill="{fill(kind)}" '
                f'stroke="{BAR}" stroke-width="1"/>'
                f'<text class="chart__text" x="{x + 22}" y="{TOP + 13}" fill="{INK}">'
                f"{text(kind.name)}</text>"
            )
            x += 22 + 9 * len(str(kind.name)) + 24

    if not rows:
        parts.append(
            f'<text class="chart__text" x="0" y="{top + BAR_HEIGHT}" fill="{INK}">—</text>'
        )

    y = top
    for row in rows:
        label_y = y + row_height / 2 + FONT_SIZE / 3
        parts.append(
            f'<text class="chart__label" x="{LABEL_WIDTH - 10}" y="{label_y:.1f}" '
            f'text-anchor="end" fill="{INK}">{text(shorten(row.label))}</text>'
        )
        for index, kind in enumerate(series):
            value = row.values[index] if index < len(row.values) else 0
            length = round(BAR_AREA * max(value, 0) / largest, 1)
            bar_y = y + index * (BAR_HEIGHT + SERIES_GAP)
            if length > 0:
                parts.append(
                    f'<rect class="{bar_class(kind)}" '
                    f'x="{LABEL_WIDTH}" y="{bar_y}" width="{length}" height="{BAR_HEIGHT}" '
                    f'fill="{fill(kind)}" stroke="{BAR}" stroke-width="1"/>'
                )
            parts.append(
                f'<text class="chart__text" x="{LABEL_WIDTH + length + VALUE_GAP}" '
                f'y="{bar_y + BAR_HEIGHT - 5}" fill="{INK}">'
                f"{text(row.value_label(index))}</text>"
            )
        y += row_height + ROW_GAP
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above
