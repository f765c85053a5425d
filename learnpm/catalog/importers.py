"""Import question banks written in Moodle's GIFT format (gift.py) or the Aiken format
(aiken.py): what both share, choosing the format of a file, and writing LearnPM's YAML.

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

RIGHT_WHY = "This is the correct answer."
WRONG_WHY = "This is not the correct answer."
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


class Skip(Exception):
    """Raised while reading one question: a kind LearnPM cannot show; skip it."""


class Broken(Skip):
    """Raised while reading one question: it is malformed, so the file is not imported."""


# --- shared --------------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    # Not str.splitlines(): it also splits on form feeds and U+2028, which editors do not.
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _never(_line: str) -> bool:
    return False


def blocks(text: str, drop: Callable[[str], bool] = _never,
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


def check_args(bank: str, domain: str, id_prefix: str) -> None:
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


def parse(found: Iterable[tuple[int, list[str]]],
          read: Callable[[list[str]], dict[str, Any] | None], domain: str,
          id_prefix: str) -> ImportResult:
    questions: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    errors: list[Skipped] = []
    dropped: list[Skipped] = []
    for start, lines in found:
        try:
            body = read(lines)
        except Broken as broken:
            errors.append(Skipped(start, str(broken)))
            continue
        except Skip as skip:
            skipped.append(Skipped(start, str(skip)))
            continue
        if body is not None:
            dropped += [Skipped(start, what) for what in body.pop("dropped", [])]
            questions.append(_question(len(questions) + 1, id_prefix, domain, body))
    return ImportResult(questions, skipped, errors, dropped)


def option(text: str, correct: bool, why: str = "") -> dict[str, Any]:
    if not text:
        raise Broken("an answer is empty")
    return {"text": text, "correct": correct, "why": why or (RIGHT_WHY if correct else WRONG_WHY)}


def check_options(options: list[dict[str, Any]]) -> None:
    if not 2 <= len(options) <= MAX_OPTIONS:
        raise Skip(f"a question needs 2 to {MAX_OPTIONS} options, not {len(options)}")
    texts = [o["text"] for o in options]
    if dups := sorted({t for t in texts if texts.count(t) > 1}):
        raise Broken(f"option '{dups[0]}' appears twice")


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
