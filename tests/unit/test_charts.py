"""Server-rendered SVG charts: valid markup, styled by class only, with text for screen readers."""
import re
import xml.etree.ElementTree as ET

from learnpm.charts import RADAR_RADIUS, radar

SVG = "{http://www.w3.org/2000/svg}"
AXES = ["Leadership", "Stakeholder engagement", "Scheduling", "Risk"]


def parse(markup) -> ET.Element:
    return ET.fromstring(str(markup).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def polygon_points(element: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in element.get("points").split()]


def test_radar_is_an_image_with_a_title_and_one_polygon_per_series():
    svg = parse(radar(AXES, [("Now", [3, 2, 4, 1]), ("Before", [2, 2, 3, 1]),
                             ("Target", [4, 4, 3, 3])], "Your skills & targets"))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "radar-title"
    title = svg.find(f"{SVG}title")
    assert title.get("id") == "radar-title" and title.text == "Your skills & targets"
    groups = svg.findall(f"{SVG}g")
    assert [g.get("class") for g in groups] == ["series series-1", "series series-2",
                                                "series series-3"]
    assert [g.find(f"{SVG}title").text for g in groups] == ["Now", "Before", "Target"]
    assert all(len(polygon_points(g.find(f"{SVG}polygon"))) == 4 for g in groups)


def test_radar_scales_levels_from_the_centre_and_puts_the_first_axis_on_top():
    svg = parse(radar(AXES, [("Now", [5, None, 0, 2.5])], "t"))
    points = polygon_points(svg.find(f"{SVG}g/{SVG}polygon"))
    assert points[0] == (0.0, -RADAR_RADIUS)  # level 5 at the top, on the outer ring
    assert points[1] == (0.0, 0.0) and points[2] == (0.0, 0.0)  # unrated sits at the centre
    assert abs(points[3][0] + RADAR_RADIUS / 2) < 0.1  # halfway along the left-hand axis
    assert len(svg.findall(f"{SVG}g/{SVG}circle")) == 2  # dots only where there is a level
    rings = [p for p in svg.findall(f"{SVG}polygon") if p.get("class") == "ring"]
    assert len(rings) == 5 and len(svg.findall(f"{SVG}line")) == 4


def test_radar_labels_every_axis_and_wraps_long_names():
    svg = parse(radar(AXES, [], "t"))
    labels = [" ".join(span.text for span in text) for text in svg.findall(f"{SVG}text")
              if text.get("class") == "axis-label"]
    assert labels == AXES
    wrapped = next(text for text in svg.findall(f"{SVG}text")
                   if "Stakeholder" in "".join(s.text for s in text))
    assert [s.text for s in wrapped] == ["Stakeholder", "engagement"]
    assert wrapped.get("text-anchor") == "start"  # right of centre reads outwards


def test_radar_view_box_grows_to_hold_the_labels():
    word = "Interdisciplinarity"  # one word: it cannot wrap
    x, y, width, height = map(float, parse(radar([word] * 4, [], "t")).get("viewBox").split())
    room = RADAR_RADIUS + len(word) * 6  # at least 6 units a character beside the rings
    assert x < -room and x + width > room
    assert y < -RADAR_RADIUS - 15 and y + height > RADAR_RADIUS + 15
    short = map(float, parse(radar(["A"] * 4, [], "t")).get("viewBox").split())
    assert next(short) > x  # short labels leave a tighter box, so the chart draws larger


def test_radar_escapes_text_and_uses_no_inline_style():
    markup = str(radar(["<b>Risk</b>", "R&D", "Plan"], [("<script>", [1, 2, 3])], "A < B"))
    assert "<b>" not in markup and "<script>" not in markup and "&lt;b&gt;Risk" in markup
    assert not re.search(r"\b(style|fill|stroke)=", markup)
    parse(markup)  # still well-formed XML


def test_radar_without_axes_draws_nothing():
    assert str(radar([], [("Now", [])], "t")) == ""
