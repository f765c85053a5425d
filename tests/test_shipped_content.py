"""The content that ships in content/ must always pass its own check."""
from learnpm.catalog import load
from learnpm.config import PROJECT_ROOT


def test_shipped_content_has_no_problems():
    catalog = load(PROJECT_ROOT / "content")
    assert [str(e) for e in catalog.errors] == []


def test_every_exam_blueprint_says_where_its_facts_come_from_and_when():
    catalog = load(PROJECT_ROOT / "content")
    assert {"pmp", "prince2-foundation", "csm"} <= set(catalog.exams)
    for exam in catalog.exams.values():
        assert exam.source and exam.as_of.startswith("20")


def test_every_shipped_question_links_a_module_that_teaches_it():
    catalog = load(PROJECT_ROOT / "content")
    missing = [q.id for q in catalog.questions.values() if not q.modules]
    assert missing == []
