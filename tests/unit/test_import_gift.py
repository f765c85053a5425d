"""Importing GIFT banks: every supported type, and every skip with its line."""

import pytest

from learnpm.catalog.gift import parse_gift
from learnpm.catalog.importers import ImportResult, Skipped
from tests.unit.importing import (
    ARGS,
    IMPORT,
    ONLY_MC,
    RIGHT,
    WRONG,
    aiken,
    gift,
    only,
    options,
    sample_gift_result,
)


@pytest.fixture(scope="module")
def sample_gift() -> ImportResult:
    return sample_gift_result()


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
        "modules": [], "title": "Leadership", "stem": "Who keeps the team pointed at the goal?",
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


def test_gift_html_is_sanitised_like_every_other_text():
    question = only(gift('[html]<p onclick="steal()">Pick <script>alert(1)</script>one'
                         '<a href="javascript:x()">here</a></p>{=a ~b}'))
    assert "script" not in question["stem"] and "onclick" not in question["stem"]
    assert "javascript:" not in question["stem"] and "<p>Pick" in question["stem"]


def test_gift_titles_are_kept_and_dropped_weights_are_named():
    result = gift("::Risk owners::Who owns a risk?{=The risk owner ~The auditor}\n\n"
                  "Choose two.{~%50%a ~%50%b ~%-100%c}")
    assert result.questions[0]["title"] == "Risk owners"
    assert result.dropped == [Skipped(3, "partial-credit weights (LearnPM marks a question "
                                         "right only for the whole correct answer)")]


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

def test_gift_file_of_broken_and_unsupported_questions_gives_no_questions():
    result = parse_gift((IMPORT / "broken.gift").read_text(encoding="utf-8"), **ARGS)
    assert result.questions == []
    assert result.errors == [
        Skipped(10, "answer block is not closed"),
        Skipped(16, "no answer is marked correct"),
        Skipped(18, "a single-answer question needs exactly one '=' answer, not 2"),
    ]
    assert result.skipped == [
        Skipped(2, "essay questions are not supported"),
        Skipped(4, "numeric questions are not supported"),
        Skipped(6, "short-answer questions (no wrong options) are not supported"),
        Skipped(8, "description items (no answer block) are not supported"),
        Skipped(12, "questions with more than one answer block (cloze) are not supported"),
        Skipped(14, "missing-word true/false questions are not supported " + ONLY_MC),
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
    ("{=a ~b}", "the question has no text"),
    ("Match {=a -> 1 =b}", "matching answer 'b' has no '->'"),
    ("Match {=a -> 1 = -> 2 =c -> 3}", "a matching answer has an empty side"),
])
def test_gift_broken_questions_are_errors_named_by_line(text, reason):
    result = gift(f"// leading comment\n\n{text}\n\nGood?{{=yes ~no}}\n")
    assert result.errors == [Skipped(3, reason)] and result.skipped == []
    assert [q["stem"] for q in result.questions] == ["Good?"]


@pytest.mark.parametrize("text, reason", [
    ("Q?{=a ~b ~c ~d ~e ~f ~g ~h ~i}", "a question needs 2 to 8 options, not 9"),
    ("Fill {~%50%a ~%50%b ~c} in.", "missing-word multiple questions are not supported " + ONLY_MC),
    ("The {=a -> 1 =b -> 2} match.",
     "missing-word matching questions are not supported " + ONLY_MC),
    ("Match {=a -> 1 =b -> 1}", "each right-hand item of a matching question must differ"),
])
def test_gift_questions_learnpm_cannot_show_are_skipped(text, reason):
    result = gift(f"// leading comment\n\n{text}\n\nGood?{{=yes ~no}}\n")
    assert result.skipped == [Skipped(3, reason)] and result.errors == []
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
