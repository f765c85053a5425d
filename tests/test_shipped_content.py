"""The content that ships in content/ must always pass its own check."""
from functools import cache

from learnpm.catalog import load as load_content
from learnpm.config import PROJECT_ROOT


@cache
def load(path):
    """The shipped content, read once for the whole module."""
    return load_content(path)


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


MINIMUM_QUESTIONS = {"pmp": 200, "prince2-foundation": 80, "csm": 70, "capm": 40, "psm1": 40}
PMP_WEIGHTS = {"people": 33, "process": 41, "business-environment": 26}


def test_the_library_is_big_enough_and_each_module_is_a_real_read():
    catalog = load(PROJECT_ROOT / "content")
    assert len(catalog.modules) >= 36
    short_or_long = {m.slug: m.words for m in catalog.modules.values()
                     if not 900 <= m.words <= 2600}
    assert short_or_long == {}
    for module in catalog.modules.values():
        assert "## What you will learn" in module.body, module.slug
        assert "## Summary" in module.body and "## Check yourself" in module.body, module.slug
    categories = {m.category for m in catalog.modules.values()}
    assert categories == {"foundations", "skill", "core-duty", "methodology", "certification"}
    assert len(catalog.paths) >= 6


def test_banks_meet_their_minimum_sizes():
    counts = load(PROJECT_ROOT / "content").bank_counts()
    for bank, minimum in MINIMUM_QUESTIONS.items():
        assert counts.get(bank, 0) >= minimum, bank


def test_pmp_bank_covers_every_task_and_follows_the_outline():
    catalog = load(PROJECT_ROOT / "content")
    bank = catalog.bank("pmp")
    tasks = {t.id for d in catalog.exams["pmp"].domains for t in d.tasks}
    assert len(tasks) == 26 and tasks <= {q.task for q in bank}
    for domain, weight in PMP_WEIGHTS.items():
        share = 100 * sum(q.domain == domain for q in bank) / len(bank)
        assert abs(share - weight) <= 3, (domain, share)
    adaptive = sum(q.approach in ("agile", "hybrid") for q in bank) / len(bank)
    assert 0.5 <= adaptive <= 0.7
    assert {"single", "multiple", "matching"} <= {q.type for q in bank}


def test_every_question_explains_every_option():
    catalog = load(PROJECT_ROOT / "content")
    for question in catalog.questions.values():
        assert all(o.why for o in question.options), question.id
        if question.type == "matching":
            assert question.explanation, question.id


def test_prince2_bank_uses_the_exam_question_styles():
    bank = load(PROJECT_ROOT / "content").bank("prince2-foundation")
    assert {"standard", "list", "negative", "missing-word"} <= {q.style for q in bank}
    assert all(q.type == "single" and len(q.options) == 4 for q in bank)
