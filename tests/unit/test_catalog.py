"""The content loader: valid content loads whole, broken content is reported by file and line."""
import gc
from pathlib import Path

import pytest

from learnpm.catalog import load
from learnpm.catalog.render import render_module
from learnpm.catalog.yamltext import FrontMatterError, load_yaml, split_front_matter

FIXTURES = Path(__file__).parent.parent / "fixtures" / "content"

EXPECTED_BROKEN = {
    "broken/frameworks/careers.yaml:10: role manager: level of 'risk' must be 1 to 5",
    "broken/frameworks/careers.yaml:10: role manager: unknown skill 'juggling'",
    "broken/frameworks/careers.yaml:11: role manager: unknown certification 'nothing-cert'",
    "broken/frameworks/careers.yaml:12: role manager: unknown next role 'director'",
    "broken/frameworks/careers.yaml:13: role manager: unknown learning path 'no-such-path'",
    "broken/frameworks/certifications.yaml:5: certification pmp: unknown exam 'no-such-exam'",
    "broken/frameworks/certifications.yaml:8: certification pmp: unknown certification 'capm' "
    "in education_waived_by",
    "broken/frameworks/certifications.yaml:16: certification pmp: category 'power-skills' has "
    "unknown parent 'learning'",
    "broken/frameworks/skills.yaml:16: skill leadership: unknown module 'no-such-module'",
    "broken/exams/weights.yaml:7: domain weights add up to 90, not 100",
    "broken/modules/bad-category.md:5: field 'category' is 'cooking'; expected one of: "
    "foundations, skill, core-duty, methodology, certification",
    "broken/modules/bad-yaml.md:5: invalid YAML: expected ',' or ']', but got ':'",
    "broken/modules/good.md:1: duplicate module slug 'good' (first used in "
    "broken/modules/duplicate.md)",
    "broken/modules/missing-title.md:2: missing required field 'title'",
    "broken/modules/no-front-matter.md:1: missing front matter: the file must start with a "
    "'---' line",
    "broken/modules/unknown-refs.md:7: prerequisites: unknown module 'nowhere'",
    "broken/modules/unknown-refs.md:9: link to unknown module 'missing-module'",
    "broken/modules/unknown-refs.md:9: practice link to unknown bank 'no-bank'",
    "broken/paths/bad-path.yaml:4: modules: unknown module 'ghost'",
    "broken/questions/demo/bad.yaml:8: a single question needs exactly one correct option, not 2",
    "broken/questions/demo/bad.yaml:11: question wrong-domain: unknown domain 'finance' "
    "(the demo blueprint has: people, process)",
    "broken/questions/demo/bad.yaml:11: question wrong-domain: unknown module 'ghost'",
    "broken/questions/demo/bad.yaml:20: duplicate question id 'wrong-domain' (first used in "
    "broken/questions/demo/bad.yaml)",
    "broken/questions/orphan:1: question bank 'orphan' has no exam blueprint: add "
    "exams/orphan.yaml",
}


def test_valid_content_loads_without_problems():
    catalog = load(FIXTURES / "valid")
    assert catalog.errors == ()
    assert set(catalog.modules) == {"role", "risks", "scheduling"}
    assert catalog.paths["basics"].modules == ("role", "risks", "scheduling")
    assert catalog.bank_counts() == {"demo": 4}


def test_module_fields_are_read_and_minutes_computed_when_absent():
    catalog = load(FIXTURES / "valid")
    role = catalog.modules["role"]
    assert role.category == "foundations" and role.level == "beginner"
    assert role.tags == ("career", "role") and role.contact_hours == 0.5
    assert role.minutes == 1  # a short body still reads as one minute
    assert catalog.modules["scheduling"].minutes == 7  # an explicit value wins


def test_every_broken_file_is_reported_with_file_and_line():
    catalog = load(FIXTURES / "broken")
    assert {str(e) for e in catalog.errors} == EXPECTED_BROKEN


def test_broken_files_do_not_hide_the_good_ones():
    catalog = load(FIXTURES / "broken")
    assert "unknown-refs" in catalog.modules  # bad links are reported, the module still served
    assert "bad-yaml" not in catalog.modules and "missing-title" not in catalog.modules


def test_missing_content_folder_is_a_problem_not_a_crash(tmp_path):
    catalog = load(tmp_path / "nowhere")
    assert len(catalog.errors) == 1 and "content folder not found" in catalog.errors[0].message


def test_yaml_lines_are_offset_by_the_front_matter_fence():
    front, body, first_body_line = split_front_matter("---\ntitle: x\nslug: y\n---\nText\n")
    data = load_yaml(front, offset=1)
    assert data.line_of("slug") == 3
    assert body == "Text\n" and first_body_line == 5


def test_unclosed_front_matter_is_reported():
    with pytest.raises(FrontMatterError, match="not closed"):
        split_front_matter("---\ntitle: x\n")


def test_yes_is_not_accepted_as_a_number(tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "m.md").write_text(
        "---\ntitle: T\nslug: m\nsummary: S\ncategory: skill\nlevel: beginner\n"
        "contact_hours: yes\n---\nBody\n")
    catalog = load(tmp_path)
    assert [e.message for e in catalog.errors] == ["field 'contact_hours' must be number"]


def test_question_versions_change_only_when_the_question_changes(tmp_path):
    catalog = load(FIXTURES / "valid")
    first = catalog.questions["demo-001"]
    assert first.snapshot().answer_key() == ["a"]
    assert catalog.questions["demo-002"].snapshot().answer_key() == ["a", "b"]
    assert catalog.questions["demo-003"].shuffle is False  # true/false keeps its order
    assert load(FIXTURES / "valid").questions["demo-001"].version == first.version


def test_rendering_gives_anchors_toc_tables_code_and_admonitions():
    body = (FIXTURES / "valid" / "modules" / "foundations" / "role.md").read_text()
    rendered = render_module(body.split("---", 2)[2], lambda scheme, target: f"/{scheme}/{target}")
    assert '<h2 id="the-job">' in rendered.html
    assert ("the-job", "The job", 2) in rendered.toc
    assert "<table>" in rendered.html and "<code" in rendered.html
    assert 'class="admonition tip"' in rendered.html
    assert 'href="/module/risks#registers"' in rendered.html
    assert 'href="/practice/demo/people"' in rendered.html


def test_module_html_cannot_break_the_page_or_run_scripts():
    body = ("## Title\n\nText</div></main><script>alert(1)</script>\n\n"
            "<div class=\"note\">unclosed\n\n<a href=\"javascript:alert(2)\">x</a>\n")
    html = render_module(body, lambda scheme, target: f"/{scheme}/{target}").html
    assert "<script" not in html and "javascript:" not in html and "</main>" not in html
    assert html.count("<div") == html.count("</div>")


def test_loading_leaves_the_cycle_collector_as_it_found_it():
    assert gc.isenabled()
    load(FIXTURES / "valid")
    assert gc.isenabled()
    gc.disable()
    try:
        load(FIXTURES / "valid")
        assert not gc.isenabled()
    finally:
        gc.enable()
