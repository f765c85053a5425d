"""Small server-rendered SVG charts. Every chart also gets a data table in its template."""
from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 560, 220, 36


def score_trend(points: list[tuple[str, float]], bar: float | None, title: str) -> Markup:
    """A line of percentages (oldest first) with an optional dashed pass line."""
    if not points:
        return Markup("")
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD

    def x(i: int) -> float:
        return PAD + (inner_w * i / (len(points) - 1) if len(points) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return PAD + inner_h * (1 - max(0.0, min(100.0, value)) / 100)

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="chart-title"><title id="chart-title">{escape(title)}</title>']
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
