"""Charts as SVG made on the server: no script, no inline style, one data object per chart.

The template renders the same :class:`ChartData` twice: as the SVG (with ``<title>`` and
``<desc>``, and the data summarised in words) and as a table beside it, so a person who cannot
see the chart loses nothing. Series differ in colour *and* in marker shape and line dash; every
marker carries its value (``data-value``) so tests can check that chart and table agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 96
# Contrast >= 3:1 against white for graphics (WCAG 1.4.11), distinct for common colour-vision
# deficiencies; shape and dash tell them apart as well.
COLOURS = ("#a4001d", "#0b4f8a", "#7a4a00", "#17622e", "#5a2d82")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
SHAPES = ("circle", "square", "triangle", "diamond", "cross")


@dataclass(slots=True)
class Series:
    name: str
    values: list[float | None]


@dataclass(slots=True)
class ChartData:
    id: str
    title: str
    description: str
    labels: list[str]
    series: list[Series] = field(default_factory=list)
    unit: str = ""
    max_value: float | None = None  # fixed scale (the index: 100)

    def rows(self) -> list[tuple[str, list[float | None]]]:
        """The table: one row per label, one cell per series."""
        return [(label, [s.values[i] for s in self.series]) for i, label in enumerate(self.labels)]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"'
    if shape == "triangle":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
        return f'<polygon points="{points}" fill="{colour}"'
    if shape == "diamond":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"'
    return (f'<path d="M{x - 4:.1f},{y - 4:.1f} L{x + 4:.1f},{y + 4:.1f} M{x - 4:.1f},'
            f'{y + 4:.1f} L{x + 4:.1f},{y - 4:.1f}" stroke="{colour}" stroke-width="2.5"')


def _scale_max(chart: ChartData) -> float:
    if chart.max_value is not None:
        return chart.max_value
    values = [v for s in chart.series for v in s.values if v is not None]
    top = max(values, default=0.0)
    if top <= 5:
        return 5.0
    magnitude = 10 ** (len(str(int(top))) - 1)
    return float(((int(top) // magnitude) + 1) * magnitude)


def line_chart(chart: ChartData) -> Markup:
    """A line chart over ``labels`` (audits or months), one line per series."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _scale_max(chart)
    count = len(chart.labels)

    def x_at(i: int) -> float:
        return LEFT + (plot_w / 2 if count == 1 else plot_w * i / (count - 1))

    def y_at(v: float) -> float:
        return TOP + plot_h - plot_h * (v / top if top else 0)

    title_id, desc_id = f"{chart.id}-titel", f"{chart.id}-beschreibung"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{desc_id}">{escape(chart.description)}</desc>',
    ]
    for step in range(5):  # grid and y labels
        value = top * step / 4
        y = y_at(value)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                     'stroke="#6b6b6b" stroke-width="0.5"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="#1a1a1a">{escape(_number(value))}{escape(chart.unit)}</text>')
    every = max(1, count // 8)
    for i, label in enumerate(chart.labels):
        if i % every and i != count - 1:
            continue
        parts.append(f'<text x="{x_at(i):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
                     f'font-size="12" fill="#1a1a1a">{escape(label)}</text>')
    for index, series in enumerate(chart.series):
        colour, dash = COLOURS[index % 5], DASHES[index % 5]
        shape = SHAPES[index % 5]
        points = [(x_at(i), y_at(v), v) for i, v in enumerate(series.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                         f'stroke-width="2.5"{dash_attr}/>')
        for x, y, v in points:
            parts.append(_marker(shape, x, y, colour)
                         + f' data-series="{escape(series.name)}" data-value="{_number(v)}"/>')
        legend_y = HEIGHT - BOTTOM + 44 + 18 * (index // 2)
        legend_x = LEFT + (index % 2) * 290
        parts.append(_marker(shape, legend_x, legend_y - 4, colour) + "/>")
        parts.append(f'<text x="{legend_x + 12}" y="{legend_y}" font-size="13" '
                     f'fill="#1a1a1a">{escape(series.name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # every text above went through escape()
