"""Small server-rendered SVG charts. Every chart also gets a data table in its template."""
import textwrap
from collections.abc import Sequence
from math import cos, pi, sin

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 560, 220, 36
RADAR_RADIUS, LABEL_GAP, LINE_HEIGHT, LABEL_CHARS = 120, 12, 15, 14
CHAR_WIDTH = 8.0  # a generous estimate for 13px system sans text, used to size the viewBox


def score_trend(points: list[tuple[str, float]], bar: float | None, title: str,
                chart_id: str = "trend") -> Markup:
    """A line of percentages (oldest first) with an optional dashed pass line."""
    if not points:
        return Markup("")
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD

    def x(i: int) -> float:
        return PAD + (inner_w * i / (len(points) - 1) if len(points) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return PAD + inner_h * (1 - max(0.0, min(100.0, value)) / 100)

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="{chart_id}-title"><title id="{chart_id}-title">{escape(title)}'
             f'</title>']
    for tick in (0, 50, 100):
        parts.append(f'<line class="grid" x1="{PAD}" x2="{WIDTH - PAD}" y1="{y(tick):.1f}" '
                     f'y2="{y(tick):.1f}"/><text class="axis" x="{PAD - 6}" y="{y(tick) + 4:.1f}" '
                     f'text-anchor="end">{tick}%</text>')
    if bar is not None:
        parts.append(f'<line class="bar-line" x1="{PAD}" x2="{WIDTH - PAD}" y1="{y(bar):.1f}" '
                     f'y2="{y(bar):.1f}"/><text class="axis" x="{WIDTH - PAD}" '
                     f'y="{y(bar) - 6:.1f}" text-anchor="end">bar {bar:.0f}%</text>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}"
                    for i, (_, v) in enumerate(points))
    parts.append(f'<path class="trend" d="{path}"/>')
    for i, (label, value) in enumerate(points):
        parts.append(f'<circle class="point" cx="{x(i):.1f}" cy="{y(value):.1f}" r="4">'
                     f'<title>{escape(label)}: {value:.0f}%</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))


def radar(axes: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], title: str,
          top: int = 5) -> Markup:
    """A radar of levels 0..top, one polygon per series over the same axes.

    `series` is (name, values in axis order); None sits at the centre. Series k (from 1) gets
    the classes "series series-k", which the stylesheet and the template's legend share.
    """
    if not axes:
        return Markup("")
    count = len(axes)

    def at(index: int, value: float | None, extra: float = 0.0) -> tuple[float, float]:
        angle = -pi / 2 + 2 * pi * index / count
        radius = RADAR_RADIUS * max(0.0, min(float(top), value or 0.0)) / top + extra
        return radius * cos(angle), radius * sin(angle)

    def points(values: Sequence[float | None]) -> str:
        return " ".join("{:.1f},{:.1f}".format(*at(i, v)) for i, v in enumerate(values))

    labels = [_axis_label(name, *at(i, top, LABEL_GAP)) for i, name in enumerate(axes)]
    left, right = min(b[0] for _, b in labels), max(b[1] for _, b in labels)
    upper, lower = min(b[2] for _, b in labels), max(b[3] for _, b in labels)
    box = (f"{left - 4:.0f} {upper - 4:.0f} {right - left + 8:.0f} {lower - upper + 8:.0f}")
    parts = [f'<svg class="chart radar" viewBox="{box}" role="img" aria-labelledby="radar-title">'
             f'<title id="radar-title">{escape(title)}</title>']
    parts += [f'<polygon class="ring" points="{points([level] * count)}"/>'
              for level in range(1, top + 1)]
    for i in range(count):
        x, y = at(i, top)
        parts.append(f'<line class="spoke" x1="0" y1="0" x2="{x:.1f}" y2="{y:.1f}"/>')
    parts += [markup for markup, _ in labels]
    for k, (name, values) in enumerate(series, start=1):
        dots = "".join('<circle class="dot" cx="{:.1f}" cy="{:.1f}" r="3"/>'.format(*at(i, v))
                       for i, v in enumerate(values) if v)
        parts.append(f'<g class="series series-{k}"><title>{escape(name)}</title>'
                     f'<polygon class="area" points="{points(values)}"/>{dots}</g>')
    parts += [f'<text class="tick" x="4" y="{at(0, level)[1] + 4:.1f}">{level}</text>'
              for level in range(1, top + 1)]
    parts.append("</svg>")
    return Markup("".join(parts))


def _axis_label(name: str, x: float, y: float) -> tuple[str, tuple[float, float, float, float]]:
    """A spoke's label, wrapped, with its estimated box (left, right, top, bottom)."""
    lines = textwrap.wrap(name, LABEL_CHARS, break_long_words=False) or [name]
    width = max(len(line) for line in lines) * CHAR_WIDTH
    height = len(lines) * LINE_HEIGHT
    anchor = "start" if x > 1 else "end" if x < -1 else "middle"
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    top = y - height if y < -RADAR_RADIUS / 2 else y if y > RADAR_RADIUS / 2 else y - height / 2
    spans = "".join(f'<tspan x="{x:.1f}" y="{top + (n + 1) * LINE_HEIGHT - 4:.1f}">'
                    f'{escape(line)}</tspan>' for n, line in enumerate(lines))
    return (f'<text class="axis-label" text-anchor="{anchor}">{spans}</text>',
            (left, left + width, top, top + height))
