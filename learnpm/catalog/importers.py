"""Import question banks written in Moodle's GIFT format or the Aiken format.

Pure functions, no Flask and no database: text in, LearnPM question dicts out (the shape of
`content/questions/<bank>/*.yaml`, see docs/authoring.md). A question LearnPM cannot represent
is skipped with the line it starts on and the reason; a question that is broken (an unclosed
brace, an answer matching no option) is an error, and a file with any error imports nothing.
Parsing never raises on bad content. What LearnPM keeps of a question but cannot use (a GIFT
partial-credit weight) is listed as dropped; HTML is cleaned by the same sanitiser as modules.
"""
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml

from .render import sanitise

RIGHT_WHY = "This is the correct answer."
WRONG_WHY = "This is not the correct answer."
BLANK = "_____"  # where the answer block of a missing-word question was
MAX_OPTIONS = 8  # questions.py accepts 2 to 8 options


@dataclass(frozen=True)
class Skipped:
    line: int  # 1-based line where the skipped question starts
    reason: str  # plain words, e.g. "essay questions are not supported"


@dataclass(frozen=True)
class ImportResult:
    questions: list[dict[str, Any]]  # each in LearnPM's question YAML shape, ready to dump
    skipped: list[Skipped]  # questions of a kind LearnPM cannot show: left out, named
    errors: list[Skipped] = field(default_factory=list)  # broken questions: nothing imports
    dropped: list[Skipped] = field(default_factory=list)  # parts kept out of an import


class _Skip(Exception):
    """Raised while reading one question: a kind LearnPM cannot show; skip it."""


class _Broken(_Skip):
    """Raised while reading one question: it is malformed, so the file is not imported."""


# --- shared --------------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    # Not str.splitlines(): it also splits on form feeds and U+2028, which editors do not.
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _never(_line: str) -> bool:
    return False


def _blocks(text: str, drop: Callable[[str], bool] = _never,
            ends: Callable[[str], bool] = _never) -> Iterator[tuple[int, list[str]]]:
    """Yield (first line number, lines) for each question: runs of non-blank lines.

    Lines `drop` accepts (comments) are left out; a line `ends` accepts closes the run.
    """
    block: list[str] = []
    start = 0
    for number, line in enumerate(_lines(text) + [""], 1):
        if line.strip() and not drop(line.strip()):
            start = start if block else number
            block.append(line)
        if block and (not line.strip() or ends(line.strip())):
            yield start, block
            block = []


def _check_args(bank: str, domain: str, id_prefix: str) -> None:
    if not bank or not domain:
        raise ValueError("bank and domain must not be empty")
    if not id_prefix.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"id_prefix may hold only letters, digits, '-' and '_': {id_prefix!r}")


def _question(number: int, id_prefix: str, domain: str, body: dict[str, Any]) -> dict[str, Any]:
    question = {"id": f"{id_prefix}-{number:03d}", "type": body["type"], "domain": domain,
                "difficulty": "medium", "modules": []}
    if body.get("title"):
        question["title"] = body["title"]
    question["stem"] = body["stem"]
    key = "pairs" if body["type"] == "matching" else "options"
    question[key] = body[key]
    question["explanation"] = body.get("explanation", "")
    return question


def _parse(blocks: Iterable[tuple[int, list[str]]],
           read: Callable[[list[str]], dict[str, Any] | None], domain: str,
           id_prefix: str) -> ImportResult:
    questions: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    errors: list[Skipped] = []
    dropped: list[Skipped] = []
    for start, lines in blocks:
        try:
            body = read(lines)
        except _Broken as broken:
            errors.append(Skipped(start, str(broken)))
            continue
        except _Skip as skip:
            skipped.append(Skipped(start, str(skip)))
            continue
        if body is not None:
            dropped += [Skipped(start, what) for what in body.pop("dropped", [])]
            questions.append(_question(len(questions) + 1, id_prefix, domain, body))
    return ImportResult(questions, skipped, errors, dropped)


def _option(text: str, correct: bool, why: str = "") -> dict[str, Any]:
    if not text:
        raise _Broken("an answer is empty")
    return {"text": text, "correct": correct, "why": why or (RIGHT_WHY if correct else WRONG_WHY)}


def _check_options(options: list[dict[str, Any]]) -> None:
    if not 2 <= len(options) <= MAX_OPTIONS:
        raise _Skip(f"a question needs 2 to {MAX_OPTIONS} options, not {len(options)}")
    texts = [o["text"] for o in options]
    if dups := sorted({t for t in texts if texts.count(t) > 1}):
        raise _Broken(f"option '{dups[0]}' appears twice")


# --- GIFT ----------------------------------------------------------------------------------

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
    _check_args(bank, domain, id_prefix)
    drop = lambda line: line.startswith("//") or line.startswith("$CATEGORY:")  # noqa: E731
    return _parse(_blocks(text, drop), _gift_question, domain, id_prefix)


def _gift_question(lines: list[str]) -> dict[str, Any]:
    text = _hide_escapes("\n".join(lines)).strip()
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _Broken("the question title is not closed with '::'")
        title, text = _gift_text(text[2:end]), text[end + 2:].strip()
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        raise _Skip("description items (no answer block) are not supported")
    if end >= 0 and (start < 0 or end < start):
        raise _Broken("answer block has '}' without '{'")
    if end < 0 or "{" in text[start + 1:end]:
        raise _Broken("answer block is not closed")
    if "{" in text[end + 1:]:
        raise _Skip("questions with more than one answer block (cloze) are not supported")
    if "}" in text[end + 1:]:
        raise _Broken("answer block has '}' without '{'")
    answers, after = text[start + 1:end], text[end + 1:]
    missing_word = bool(after.strip())
    stem = _gift_text(text[:start] + (BLANK + after if missing_word else ""))
    explanation = ""
    if (cut := answers.rfind("####")) >= 0:
        answers, explanation = answers[:cut], _gift_text(answers[cut + 4:])
    body = _gift_answers(answers.strip())
    if missing_word and body["type"] != "single":
        raise _Skip(f"missing-word {body['type'].replace('_', '/')} questions are not supported "
                    "(only multiple choice may have text after the answer block)")
    if not stem:
        raise _Broken("the question has no text")
    return {**body, "title": title, "stem": stem, "explanation": explanation}


def _gift_answers(answers: str) -> dict[str, Any]:
    """The type and options (or pairs) of one answer block, following Moodle's own order."""
    if not answers:
        raise _Skip("essay questions are not supported")
    if answers.startswith("#"):
        raise _Skip("numeric questions are not supported")
    if "~" in answers:
        return _gift_choice(answers)
    if "=" in answers and "->" in answers:
        return _gift_matching(answers)
    value, *feedback = answers.split("#", 2)
    if value.strip().upper() in _TRUE_FALSE:
        truth = _TRUE_FALSE[value.strip().upper()]
        # Moodle: the first feedback shows after a wrong answer, the second after a right one.
        wrong, right = ([_gift_text(f) for f in feedback] + ["", ""])[:2]
        options = [_option("True", truth, right if truth else wrong),
                   _option("False", not truth, wrong if truth else right)]
        return {"type": "true_false", "options": options}
    if answers.startswith("="):
        raise _Skip("short-answer questions (no wrong options) are not supported")
    raise _Broken("the answer block is not understood: expected '=' and '~' answers, T or F")


def _split_answers(answers: str, marks: str) -> list[str]:
    head, *pieces = re.split(f"(?=[{marks}])", answers)
    if head.strip():
        raise _Broken(f"answer block has text before the first '{marks[0]}'")
    return pieces


def _gift_choice(answers: str) -> dict[str, Any]:
    pieces = _split_answers(answers, "=~")
    single = sum(piece.startswith("=") for piece in pieces)
    if single > 1:
        raise _Broken(f"a single-answer question needs exactly one '=' answer, not {single}")
    options = []
    weights = []
    for piece in pieces:
        rest, weight = piece[1:], 0.0
        if match := _WEIGHT.match(rest):
            rest, weight = rest[match.end():], float(match[1])
            weights.append(weight)
        answer, _, feedback = rest.partition("#")
        correct = piece.startswith("=") if single else weight > 0
        options.append(_option(_gift_text(answer), correct, _gift_text(feedback)))
    _check_options(options)
    right = sum(1 for o in options if o["correct"])
    if right == 0:
        raise _Broken("no answer is marked correct")
    if right == len(options):
        raise _Skip("every answer is marked correct; LearnPM needs at least one wrong option")
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
            raise _Broken(f"matching answer '{_gift_text(piece[1:])}' has no '->'")
        left, right = (_gift_text(part) for part in piece[1:].split("->", 1))
        if not left or not right:
            raise _Broken("a matching answer has an empty side")
        pairs.append({"left": left, "right": right})
    if len(pairs) < 2:
        raise _Skip("a matching question needs at least two pairs")
    rights = [pair["right"] for pair in pairs]
    if len(set(rights)) != len(rights):
        raise _Skip("each right-hand item of a matching question must differ")
    return {"type": "matching", "pairs": pairs}


# --- Aiken ---------------------------------------------------------------------------------

_AIKEN_OPTION = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_AIKEN_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.I)


def parse_aiken(text: str, *, bank: str, domain: str, id_prefix: str) -> ImportResult:
    _check_args(bank, domain, id_prefix)
    # A question ends at a blank line or right after its ANSWER line.
    blocks = _blocks(text, ends=lambda line: bool(_AIKEN_ANSWER.match(line)))
    return _parse(blocks, _aiken_question, domain, id_prefix)


def _aiken_question(lines: list[str]) -> dict[str, Any]:
    lines = [line.strip() for line in lines]
    if _AIKEN_ANSWER.match(lines[0]):
        raise _Broken("ANSWER line without a question")
    stem, letters, texts, answer = [lines[0]], [], [], None
    for line in lines[1:]:
        if match := _AIKEN_ANSWER.match(line):
            answer = match[1].strip()
        elif match := _AIKEN_OPTION.match(line):
            letters.append(match[1])
            texts.append(match[2].strip())
        elif letters:
            raise _Broken(f"expected an option or the ANSWER line, found '{line}'")
        else:
            stem.append(line)
    if answer is None:
        raise _Broken("no ANSWER line")
    if len(letters) < 2:
        raise _Broken(f"a question needs at least 2 options, not {len(letters)}")
    if len(set(letters)) != len(letters):
        raise _Broken("an option letter appears twice")
    if answer.upper() not in letters:
        raise _Broken(f"ANSWER '{answer}' matches no option")
    options = [_option(text, letter == answer.upper())
               for letter, text in zip(letters, texts, strict=True)]
    _check_options(options)
    return {"type": "single", "stem": "\n".join(stem), "options": options}


# --- choosing a format and writing YAML ----------------------------------------------------

def detect_format(filename: str, text: str) -> str:
    """'gift' or 'aiken': from a .gift/.aiken extension, else from the text itself."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".gift", ".aiken"):
        return suffix[1:]
    aiken = bool(re.search(r"^\s*ANSWER\s*:\s*[A-Z]\s*$", text, re.M | re.I)
                 and re.search(r"^\s*[A-Z][.)]\s+\S", text, re.M))
    gift = bool(re.search(r"\{[^{}]*\}|^\s*::|^\s*\$CATEGORY:", text, re.M))
    if aiken != gift:
        return "aiken" if aiken else "gift"
    what = "both GIFT and Aiken" if aiken else "neither GIFT nor Aiken"
    raise ValueError(f"{filename}: cannot tell the question format (it looks like {what}); "
                     "GIFT has answer blocks such as '{=right ~wrong}', Aiken has options "
                     "'A. ...' and an 'ANSWER: A' line. Rename the file to .gift or .aiken.")


def to_yaml(questions: list[dict[str, Any]]) -> str:
    # The validator rejects `explanation: ""` as an empty field; a missing one means the same.
    cleaned = [{k: v for k, v in q.items() if k != "explanation" or v} for q in questions]
    return yaml.safe_dump({"questions": cleaned}, sort_keys=False, allow_unicode=True, width=100)
