"""Moodle's GIFT format: multiple choice, multiple answer, true/false and matching questions,
with titles, feedback and [html] text (sanitised). See importers.py for what is skipped."""
import re
from typing import Any

from .importers import (
    Broken,
    ImportResult,
    Skip,
    blocks,
    check_args,
    check_options,
    option,
    parse,
)
from .render import sanitise

BLANK = "_____"  # where the answer block of a missing-word question was
_ESCAPABLE = "\\:#={}~"  # `\x` for these keeps x literal; they become placeholders meanwhile
_HIDE = {c: chr(0xE000 + i) for i, c in enumerate(_ESCAPABLE)}
_SHOW = str.maketrans({v: k for k, v in _HIDE.items()})
_FORMAT = re.compile(r"\[(markdown|html|plain|moodle)\]", re.I)
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _hide_escapes(text: str) -> str:
    return re.sub(r"\\([\\:#={}~n])",
                  lambda m: "\n" if m[1] == "n" else _HIDE[m[1]], text)


def _gift_text(raw: str) -> str:
    """Final text: format prefix removed, escapes restored, [html] text sanitised."""
    raw = raw.strip()
    html = False
    if match := _FORMAT.match(raw):
        raw, html = raw[match.end():], match[1].lower() == "html"
    text = raw.translate(_SHOW).strip()
    return sanitise(text) if html else text


def parse_gift(text: str, *, bank: str, domain: str, id_prefix: str) -> ImportResult:
    check_args(bank, domain, id_prefix)
    drop = lambda line: line.startswith("//") or line.startswith("$CATEGORY:")  # noqa: E731
    return parse(blocks(text, drop), _gift_question, domain, id_prefix)


def _gift_question(lines: list[str]) -> dict[str, Any]:
    text = _hide_escapes("\n".join(lines)).strip()
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise Broken("the question title is not closed with '::'")
        title, text = _gift_text(text[2:end]), text[end + 2:].strip()
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        raise Skip("description items (no answer block) are not supported")
    if end >= 0 and (start < 0 or end < start):
        raise Broken("answer block has '}' without '{'")
    if end < 0 or "{" in text[start + 1:end]:
        raise Broken("answer block is not closed")
    if "{" in text[end + 1:]:
        raise Skip("questions with more than one answer block (cloze) are not supported")
    if "}" in text[end + 1:]:
        raise Broken("answer block has '}' without '{'")
    answers, after = text[start + 1:end], text[end + 1:]
    missing_word = bool(after.strip())
    stem = _gift_text(text[:start] + (BLANK + after if missing_word else ""))
    explanation = ""
    if (cut := answers.rfind("####")) >= 0:
        answers, explanation = answers[:cut], _gift_text(answers[cut + 4:])
    body = _gift_answers(answers.strip())
    if missing_word and body["type"] != "single":
        raise Skip(f"missing-word {body['type'].replace('_', '/')} questions are not supported "
                    "(only multiple choice may have text after the answer block)")
    if not stem:
        raise Broken("the question has no text")
    return {**body, "title": title, "stem": stem, "explanation": explanation}


def _gift_answers(answers: str) -> dict[str, Any]:
    """The type and options (or pairs) of one answer block, following Moodle's own order."""
    if not answers:
        raise Skip("essay questions are not supported")
    if answers.startswith("#"):
        raise Skip("numeric questions are not supported")
    if "~" in answers:
        return _gift_choice(answers)
    if "=" in answers and "->" in answers:
        return _gift_matching(answers)
    value, *feedback = answers.split("#", 2)
    if value.strip().upper() in _TRUE_FALSE:
        truth = _TRUE_FALSE[value.strip().upper()]
        # Moodle: the first feedback shows after a wrong answer, the second after a right one.
        wrong, right = ([_gift_text(f) for f in feedback] + ["", ""])[:2]
        options = [option("True", truth, right if truth else wrong),
                   option("False", not truth, wrong if truth else right)]
        return {"type": "true_false", "options": options}
    if answers.startswith("="):
        raise Skip("short-answer questions (no wrong options) are not supported")
    raise Broken("the answer block is not understood: expected '=' and '~' answers, T or F")


def _split_answers(answers: str, marks: str) -> list[str]:
    head, *pieces = re.split(f"(?=[{marks}])", answers)
    if head.strip():
        raise Broken(f"answer block has text before the first '{marks[0]}'")
    return pieces


def _gift_choice(answers: str) -> dict[str, Any]:
    pieces = _split_answers(answers, "=~")
    single = sum(piece.startswith("=") for piece in pieces)
    if single > 1:
        raise Broken(f"a single-answer question needs exactly one '=' answer, not {single}")
    options = []
    weights = []
    for piece in pieces:
        rest, weight = piece[1:], 0.0
        if match := _WEIGHT.match(rest):
            rest, weight = rest[match.end():], float(match[1])
            weights.append(weight)
        answer, _, feedback = rest.partition("#")
        correct = piece.startswith("=") if single else weight > 0
        options.append(option(_gift_text(answer), correct, _gift_text(feedback)))
    check_options(options)
    right = sum(1 for o in options if o["correct"])
    if right == 0:
        raise Broken("no answer is marked correct")
    if right == len(options):
        raise Skip("every answer is marked correct; LearnPM needs at least one wrong option")
    dropped = []
    if any(abs(w) not in (0, 100) for w in weights) or (right > 1 and weights):
        dropped.append("partial-credit weights (LearnPM marks a question right only for the "
                       "whole correct answer)")
    return {"type": "multiple" if right > 1 else "single", "options": options,
            "dropped": dropped}


def _gift_matching(answers: str) -> dict[str, Any]:
    pairs = []
    for piece in _split_answers(answers, "="):
        if "->" not in piece:
            raise Broken(f"matching answer '{_gift_text(piece[1:])}' has no '->'")
        left, right = (_gift_text(part) for part in piece[1:].split("->", 1))
        if not left or not right:
            raise Broken("a matching answer has an empty side")
        pairs.append({"left": left, "right": right})
    if len(pairs) < 2:
        raise Skip("a matching question needs at least two pairs")
    rights = [pair["right"] for pair in pairs]
    if len(set(rights)) != len(rights):
        raise Skip("each right-hand item of a matching question must differ")
    return {"type": "matching", "pairs": pairs}
