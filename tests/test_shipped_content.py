"""The content that ships in content/ must always pass its own check."""
import random
from functools import cache

from learnpm.catalog import load as load_content
from learnpm.catalog import quality
from learnpm.config import PROJECT_ROOT
from learnpm.quiz.practice import build_mock
from learnpm.store import get_catalog
from tests.conftest import build_app, fresh_schema
from tests.factories import make_user


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


# Deep enough to prepare on alone: several distinct full exams per bank.
MINIMUM_QUESTIONS = {"pmp": 720, "capm": 300, "psm1": 240, "prince2-foundation": 240,
                     "csm": 200, "cspo": 100}
PMP_WEIGHTS = {"people": 33, "process": 41, "business-environment": 26}
PMP_MIN_PER_TASK = 15
# The item types each real exam uses (PRINCE2 Foundation: four-option single answer only).
ITEM_TYPES = {"pmp": {"single", "multiple", "matching"}, "capm": {"single", "multiple", "matching"},
              "psm1": {"single", "multiple", "true_false"}, "csm": {"single", "multiple"},
              "cspo": {"single", "multiple"}, "prince2-foundation": {"single"}}


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


def test_every_bank_passes_the_editorial_gates():
    """Domain weights within 3 points, every task tested, at most 40% easy, the key strictly
    the longest option in at most 30% of single-answer questions, no key position over 35%."""
    catalog = load(PROJECT_ROOT / "content")
    problems = {exam.id: quality.bank_quality(exam, catalog.bank(exam.id)).problems
                for exam in catalog.exams.values()}
    assert problems == {exam: () for exam in catalog.exams}


def test_no_two_stems_are_too_alike_in_or_across_banks():
    catalog = load(PROJECT_ROOT / "content")
    assert quality.similar_stems(list(catalog.questions.values())) == []


def test_each_bank_uses_its_exams_item_types():
    catalog = load(PROJECT_ROOT / "content")
    for bank, types in ITEM_TYPES.items():
        used = {q.type.value for q in catalog.bank(bank)}
        assert types <= used <= types | {"true_false"}, (bank, used)


def test_pmp_bank_covers_every_task_and_follows_the_outline():
    catalog = load(PROJECT_ROOT / "content")
    bank = catalog.bank("pmp")
    tasks = {t.id for d in catalog.exams["pmp"].domains for t in d.tasks}
    per_task = {t: sum(q.task == t for q in bank) for t in tasks}
    assert len(tasks) == 26 and min(per_task.values()) >= PMP_MIN_PER_TASK, per_task
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


def test_every_question_of_the_rich_banks_names_its_task():
    catalog = load(PROJECT_ROOT / "content")
    untagged = [q.id for q in catalog.questions.values() if not q.task]
    assert untagged == []


def test_four_full_pmp_mocks_in_a_row_never_repeat_a_question(tmp_path):
    """Mock 1, 2, 3 and 4 are different exams: each draws questions unseen in earlier ones."""
    app = build_app(tmp_path, CONTENT_DIR=str(PROJECT_ROOT / "content"))
    with fresh_schema(app), app.app_context():
        user_id = make_user().id
        exam = get_catalog().exams["pmp"]
        seen: set[str] = set()
        for n in range(4):
            attempt = build_mock(user_id, exam, exam.questions, rng=random.Random(n))
            drawn = {item.question_id for item in attempt.items}
            assert len(drawn) == exam.questions and not drawn & seen, f"mock {n + 1} repeats"
            seen |= drawn
