"""Importing Aiken banks, detecting the format, and writing LearnPM YAML that its own
validator accepts."""
import shutil
from pathlib import Path

import pytest
import yaml

from learnpm.catalog import load
from learnpm.catalog.aiken import parse_aiken
from learnpm.catalog.gift import parse_gift
from learnpm.catalog.importers import ImportResult, Skipped, detect_format, to_yaml
from tests.unit.importing import (
    ARGS,
    IMPORT,
    RIGHT,
    WRONG,
    aiken,
    gift,
    only,
    sample_gift_result,
)


@pytest.fixture(scope="module")
def sample_gift() -> ImportResult:
    return sample_gift_result()


# --- Aiken ---------------------------------------------------------------------------------

def test_aiken_sample_with_both_option_styles_and_no_blank_line_after_answer():
    result = parse_aiken((IMPORT / "sample.aiken").read_text(encoding="utf-8"), **ARGS)
    assert result.skipped == []
    assert [q["id"] for q in result.questions] == ["imp-001", "imp-002", "imp-003"]
    first, second, third = result.questions
    assert first == {
        "id": "imp-001", "type": "single", "domain": "people", "difficulty": "medium",
        "modules": [], "stem": "Who keeps the team pointed at the goal?",
        "options": [{"text": "The project manager", "correct": True, "why": RIGHT},
                    {"text": "The auditor", "correct": False, "why": WRONG},
                    {"text": "The vendor", "correct": False, "why": WRONG}],
        "explanation": "",
    }
    assert [o["text"] for o in second["options"]] == [
        "Project charter", "Risk register", "Lessons learned register", "Issue log"]
    assert third["stem"] == "What does WBS stand for?"
    assert [o["correct"] for o in third["options"]] == [True, False]


def test_aiken_broken_questions_are_errors_with_their_lines():
    result = parse_aiken((IMPORT / "broken.aiken").read_text(encoding="utf-8"), **ARGS)
    assert result.errors == [
        Skipped(1, "no ANSWER line"),
        Skipped(5, "a question needs at least 2 options, not 1"),
        Skipped(9, "ANSWER 'E' matches no option"),
    ]
    assert result.skipped == []
    assert [(q["id"], q["stem"]) for q in result.questions] == [
        ("imp-001", "A good question after the broken ones.")]
    assert [o["correct"] for o in result.questions[0]["options"]] == [True, False]


@pytest.mark.parametrize("text, reason", [
    ("Q?\nA. x\nB. y\nstray line\nANSWER: A",
     "expected an option or the ANSWER line, found 'stray line'"),
    ("ANSWER: A", "ANSWER line without a question"),
    ("Q?\nA. x\nA. y\nANSWER: A", "an option letter appears twice"),
    ("Q?\nA. x\nB. x\nANSWER: A", "option 'x' appears twice"),
    ("Q?\nANSWER: A", "a question needs at least 2 options, not 0"),
])
def test_aiken_broken_questions(text, reason):
    result = aiken(f"\n{text}\n\nGood?\nA. yes\nB. no\nANSWER: B\n")
    assert result.errors == [Skipped(2, reason)] and result.skipped == []
    assert [q["stem"] for q in result.questions] == ["Good?"]


def test_aiken_question_with_more_options_than_learnpm_shows_is_skipped():
    text = "Q?\n" + "".join(f"{c}. {c.lower()}\n" for c in "ABCDEFGHI") + "ANSWER: A"
    result = aiken(f"\n{text}\n\nGood?\nA. yes\nB. no\nANSWER: B\n")
    assert result.skipped == [Skipped(2, "a question needs 2 to 8 options, not 9")]
    assert result.errors == []


def test_aiken_multi_line_stem():
    question = only(aiken("Read this.\nThen answer: which?\nA) one\nB) two\nANSWER: B"))
    assert question["stem"] == "Read this.\nThen answer: which?"


# --- arguments, format detection, YAML -----------------------------------------------------

@pytest.mark.parametrize("parse", [parse_gift, parse_aiken])
def test_bad_id_prefix_is_refused(parse):
    with pytest.raises(ValueError, match="id_prefix"):
        parse("Q?{=a ~b}", bank="demo", domain="people", id_prefix="bad prefix")


@pytest.mark.parametrize("filename, text, expected", [
    ("bank.gift", "", "gift"),
    ("bank.GIFT", "Q?\nA. a\nB. b\nANSWER: A", "gift"),
    ("bank.aiken", "", "aiken"),
    ("bank.txt", "Q?{=a ~b}", "gift"),
    ("bank.txt", "::t:: Describe it.", "gift"),
    ("bank.txt", "$CATEGORY: top\n", "gift"),
    ("export/bank.txt", "Q?\nA. a\nB) b\nANSWER: B\n", "aiken"),
    ("bank", "Q?\nA. a\nB. b\nanswer: b", "aiken"),
])
def test_detect_format(filename, text, expected):
    assert detect_format(filename, text) == expected


@pytest.mark.parametrize("text, what", [
    ("Just some prose.\n", "neither GIFT nor Aiken"),
    ("Q?{=a ~b}\n\nR?\nA. a\nB. b\nANSWER: A", "both GIFT and Aiken"),
])
def test_detect_format_refuses_what_it_cannot_tell(text, what):
    with pytest.raises(ValueError, match=f"notes.txt: cannot tell .*{what}.*\\.gift or \\.aiken"):
        detect_format("notes.txt", text)


def test_detect_format_on_the_fixtures():
    for name, expected in [("sample.gift", "gift"), ("broken.gift", "gift"),
                           ("sample.aiken", "aiken"), ("broken.aiken", "aiken")]:
        text = (IMPORT / name).read_text(encoding="utf-8")
        assert detect_format(name, text) == expected
        assert detect_format(Path(name).stem + ".txt", text) == expected


def test_to_yaml_dumps_a_questions_mapping_in_field_order(sample_gift):
    text = to_yaml(sample_gift.questions)
    data = yaml.safe_load(text)
    assert list(data) == ["questions"]
    assert list(data["questions"][0]) == ["id", "type", "domain", "difficulty", "modules",
                                          "title", "stem", "options", "explanation"]
    # An empty explanation is left out: the validator rejects an empty field.
    assert "explanation" not in data["questions"][1]
    assert data["questions"][2]["options"][0]["text"] == "True"  # a string, not a YAML bool
    restored = [{**q, "explanation": q.get("explanation", "")} for q in data["questions"]]
    assert restored == sample_gift.questions


def _all_imported() -> list[dict]:
    """Every fixture question plus a few awkward ones, numbered as one bank."""
    awkward = ("Is 'yes' a YAML bool?{=yes ~no ~1.0 ~null}\n\n"
               "Multi\nline stem: é ü 中文 — fine?{\n=true\n~'quoted' \"both\"\n}\n")
    texts = [(IMPORT / "sample.gift").read_text(encoding="utf-8"), awkward]
    gift_questions = [q for t in texts for q in gift(t).questions]
    aiken_questions = [q for name in ("sample.aiken", "broken.aiken")
                       for q in aiken((IMPORT / name).read_text(encoding="utf-8")).questions]
    questions = gift_questions + aiken_questions
    return [{**q, "id": f"imp-{n:03d}"} for n, q in enumerate(questions, 1)]


def _load_with(tmp_path, questions: list[dict]):
    content = tmp_path / "content"
    shutil.copytree(IMPORT.parent / "content" / "valid", content)
    (content / "questions" / "demo" / "imported.yaml").write_text(to_yaml(questions),
                                                                  encoding="utf-8")
    return load(content)


def test_imported_questions_pass_learnpm_content_validation(tmp_path):
    questions = _all_imported()
    assert {q["type"] for q in questions} == {"single", "multiple", "true_false", "matching"}
    assert all(q["modules"] == [] for q in questions)
    catalog = _load_with(tmp_path, questions)
    assert catalog.errors == ()
    for question in questions:
        loaded = catalog.questions[question["id"]]
        assert (loaded.type, loaded.stem, loaded.bank) == (question["type"],
                                                           question["stem"], "demo")
        assert [(o.text, o.correct, o.why) for o in loaded.options] == [
            (o["text"], o["correct"], o["why"]) for o in question.get("options", [])]
        assert [(p.left, p.right) for p in loaded.pairs] == [
            (p["left"], p["right"]) for p in question.get("pairs", [])]
        assert loaded.explanation == question["explanation"]
