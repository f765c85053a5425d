"""Importing GIFT and Aiken question banks: every supported type, every skip with its line,
and every imported question accepted by LearnPM's own content validator."""
import shutil
from pathlib import Path

import pytest
import yaml

from learnpm.catalog import load
from learnpm.catalog.importers import (
    ImportResult,
    Skipped,
    detect_format,
    parse_aiken,
    parse_gift,
    to_yaml,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"
IMPORT = FIXTURES / "import"
ARGS = {"bank": "demo", "domain": "people", "id_prefix": "imp"}
RIGHT, WRONG = "This is the correct answer.", "This is not the correct answer."
ONLY_MC = "(only multiple choice may have text after the answer block)"


def gift(text: str) -> ImportResult:
    return parse_gift(text, **ARGS)


def aiken(text: str) -> ImportResult:
    return parse_aiken(text, **ARGS)


def only(result: ImportResult) -> dict:
    assert result.skipped == []
    assert len(result.questions) == 1
    return result.questions[0]


def options(question: dict) -> list[tuple]:
    return [(o["text"], o["correct"], o["why"]) for o in question["options"]]


@pytest.fixture(scope="module")
def sample_gift() -> ImportResult:
    return parse_gift((IMPORT / "sample.gift").read_text(encoding="utf-8"), **ARGS)


# --- GIFT: supported types -----------------------------------------------------------------

def test_gift_sample_imports_every_question_in_file_order(sample_gift):
    assert sample_gift.skipped == []
    assert [(q["id"], q["type"]) for q in sample_gift.questions] == [
        ("imp-001", "single"), ("imp-002", "multiple"), ("imp-003", "true_false"),
        ("imp-004", "true_false"), ("imp-005", "matching"), ("imp-006", "single"),
        ("imp-007", "single"), ("imp-008", "single"),
    ]


def test_gift_multiple_choice_with_title_feedback_and_general_feedback(sample_gift):
    question = sample_gift.questions[0]
    assert question == {
        "id": "imp-001", "type": "single", "domain": "people", "difficulty": "medium",
        "modules": [], "stem": "Who keeps the team pointed at the goal?",
        "options": [
            {"text": "The project manager", "correct": True, "why": "That is the job."},
            {"text": "The auditor", "correct": False,
             "why": "Auditors check; they do not lead."},
            {"text": "The vendor", "correct": False, "why": WRONG},
        ],
        "explanation": "Leading the team is the project manager's core duty.",
    }


def test_gift_weighted_answers_become_a_multiple_question(sample_gift):
    question = sample_gift.questions[1]
    assert question["stem"] == "Which belong in a risk register? (Choose two.)"
    assert options(question) == [
        ("An owner", True, "Every risk needs an owner."),
        ("A probability", True, RIGHT),
        ("The team's salaries", False, "Not a risk attribute."),
    ]
    assert question["explanation"] == ""


def test_gift_true_false_feedback_goes_to_the_matching_option(sample_gift):
    true_q, false_q = sample_gift.questions[2:4]
    assert true_q["stem"] == "A delay on the critical path delays the project."
    assert options(true_q) == [("True", True, "By definition."),
                               ("False", False, "Look at the definition again.")]
    assert options(false_q) == [("True", False, WRONG), ("False", True, RIGHT)]


@pytest.mark.parametrize("mark, truth", [("T", True), ("TRUE", True), ("F", False),
                                         ("FALSE", False)])
def test_gift_true_false_spellings(mark, truth):
    question = only(gift(f"Scope creep is normal.{{{mark}}}"))
    assert question["type"] == "true_false"
    assert [o["correct"] for o in question["options"]] == [truth, not truth]


def test_gift_matching(sample_gift):
    question = sample_gift.questions[4]
    assert question["stem"] == "Match each term to its meaning."
    assert question["pairs"] == [
        {"left": "Risk", "right": "An uncertain event"},
        {"left": "Issue", "right": "Something happening now"},
        {"left": "Milestone", "right": "A point in time with no duration"},
    ]
    assert "options" not in question
    assert question["explanation"] == "Risks may happen; issues have happened."


def test_gift_missing_word_puts_a_blank_where_the_block_was(sample_gift):
    question = sample_gift.questions[5]
    assert question["stem"] == "The critical path is the _____ path through the network."
    assert options(question) == [("longest", True, RIGHT), ("shortest", False, WRONG),
                                 ("cheapest", False, WRONG)]


def test_gift_escapes_and_markdown_prefix(sample_gift):
    question = sample_gift.questions[6]
    assert question["stem"] == "Which symbol marks a {placeholder} in a template: # or =?"
    assert options(question) == [("#", True, "The hash: # is used."), ("=", False, WRONG)]


def test_gift_every_escape():
    question = only(gift(r"a\:b \=c \~d \#e \{f\} g\\h{=x\~y ~p\=q}"))
    assert question["stem"] == "a:b =c ~d #e {f} g\\h"
    assert [o["text"] for o in question["options"]] == ["x~y", "p=q"]


def test_gift_html_prefix_is_stripped_and_the_html_kept(sample_gift):
    question = sample_gift.questions[7]
    assert question["stem"] == "<p>Pick the <b>agile</b> ceremony.</p>"
    assert [o["text"] for o in question["options"]] == ["<i>Daily stand-up</i>", "Gate review"]


@pytest.mark.parametrize("prefix", ["[plain]", "[moodle]", "[markdown]", "[html]"])
def test_gift_format_prefixes(prefix):
    question = only(gift(f"::t::{prefix}What comes first?{{={prefix}Plan ~Do}}"))
    assert question["stem"] == "What comes first?"
    assert question["options"][0]["text"] == "Plan"


def test_gift_multiple_response_with_one_positive_weight_is_single():
    question = only(gift("Pick one.{~%100%a ~%0%b ~c}"))
    assert question["type"] == "single"
    assert [o["correct"] for o in question["options"]] == [True, False, False]


def test_gift_feedback_on_every_option_type_is_never_empty():
    question = only(gift("Q?{=a# ~b#}"))
    assert options(question) == [("a", True, RIGHT), ("b", False, WRONG)]


# --- GIFT: skips ---------------------------------------------------------------------------

def test_gift_file_with_only_unsupported_questions_gives_all_skips_and_no_questions():
    result = parse_gift((IMPORT / "broken.gift").read_text(encoding="utf-8"), **ARGS)
    assert result.questions == []
    assert result.skipped == [
        Skipped(2, "essay questions are not supported"),
        Skipped(4, "numeric questions are not supported"),
        Skipped(6, "short-answer questions (no wrong options) are not supported"),
        Skipped(8, "description items (no answer block) are not supported"),
        Skipped(10, "answer block is not closed"),
        Skipped(12, "questions with more than one answer block (cloze) are not supported"),
        Skipped(14, "missing-word true/false questions are not supported " + ONLY_MC),
        Skipped(16, "no answer is marked correct"),
        Skipped(18, "a single-answer question needs exactly one '=' answer, not 2"),
        Skipped(20, "a matching question needs at least two pairs"),
        Skipped(22, "every answer is marked correct; LearnPM needs at least one wrong option"),
    ]


@pytest.mark.parametrize("text, reason", [
    ("Q?{=a ~b", "answer block is not closed"),
    ("Q?{=a ~b {=c ~d}", "answer block is not closed"),
    ("Q?=a ~b}", "answer block has '}' without '{'"),
    ("Q?{=a ~b} tail }", "answer block has '}' without '{'"),
    ("::No end Q?{=a ~b}", "the question title is not closed with '::'"),
    ("Q?{hello}", "the answer block is not understood: expected '=' and '~' answers, T or F"),
    ("Q?{x =a ~b}", "answer block has text before the first '='"),
    ("Q?{=a ~}", "an answer is empty"),
    ("Q?{=a ~a}", "option 'a' appears twice"),
    ("Q?{=a ~b ~c ~d ~e ~f ~g ~h ~i}", "a question needs 2 to 8 options, not 9"),
    ("{=a ~b}", "the question has no text"),
    ("Fill {~%50%a ~%50%b ~c} in.", "missing-word multiple questions are not supported " + ONLY_MC),
    ("The {=a -> 1 =b -> 2} match.",
     "missing-word matching questions are not supported " + ONLY_MC),
    ("Match {=a -> 1 =b}", "matching answer 'b' has no '->'"),
    ("Match {=a -> 1 = -> 2 =c -> 3}",
     "matching answers without a left or right side are not supported"),
    ("Match {=a -> 1 =b -> 1}", "each right-hand item of a matching question must differ"),
])
def test_gift_malformed_and_unrepresentable_questions_are_skipped(text, reason):
    result = gift(f"// leading comment\n\n{text}\n\nGood?{{=yes ~no}}\n")
    assert result.skipped == [Skipped(3, reason)]
    assert [q["stem"] for q in result.questions] == ["Good?"]
    assert result.questions[0]["id"] == "imp-001"


def test_gift_skip_line_is_where_the_question_starts_not_its_comment_or_category():
    text = "\n\n$CATEGORY: x\n// about the essay\n::Essay::\nTell me.\n{}\n\nNext?{=a ~b}"
    result = gift(text)
    assert result.skipped == [Skipped(5, "essay questions are not supported")]
    assert result.questions[0]["stem"] == "Next?"


def test_gift_comment_and_category_only_file_gives_nothing():
    assert gift("// nothing here\n$CATEGORY: top\n\n// still nothing\n") == ImportResult([], [])


@pytest.mark.parametrize("text", ["", "\n\n", "{", "}", "{}{}", "::", "::::", "~=#", "{~}",
                                  "{=}", "{#}", "{->}", "{=->}", "\\", "Q{####}", "\ufeffQ{T#",
                                  "A. x", "Q\nA. x\nANSWER:", "Q\nANSWER: A\nANSWER: B"])
def test_garbage_never_raises(text):
    for parse in (gift, aiken):
        assert isinstance(parse(text), ImportResult)


def test_gift_windows_line_endings_keep_line_numbers():
    result = gift("// c\r\n\r\nEssay{}\r\n\r\nQ?{=a ~b}\r\n")
    assert result.skipped == [Skipped(3, "essay questions are not supported")]
    assert len(result.questions) == 1


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


def test_aiken_skips_with_lines_and_numbers_only_imported_questions():
    result = parse_aiken((IMPORT / "broken.aiken").read_text(encoding="utf-8"), **ARGS)
    assert result.skipped == [
        Skipped(1, "no ANSWER line"),
        Skipped(5, "a question needs at least 2 options, not 1"),
        Skipped(9, "ANSWER 'E' matches no option"),
    ]
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
    ("Q?\n" + "".join(f"{c}. {c.lower()}\n" for c in "ABCDEFGHI") + "ANSWER: A",
     "a question needs 2 to 8 options, not 9"),
])
def test_aiken_other_skips(text, reason):
    result = aiken(f"\n{text}\n\nGood?\nA. yes\nB. no\nANSWER: B\n")
    assert result.skipped == [Skipped(2, reason)]
    assert [q["stem"] for q in result.questions] == ["Good?"]


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
                                          "stem", "options", "explanation"]
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
    shutil.copytree(FIXTURES / "content" / "valid", content)
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
