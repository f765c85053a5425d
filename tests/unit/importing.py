"""What the importer tests share: parsing a text with fixed arguments, and reading results."""
from pathlib import Path

from learnpm.catalog.aiken import parse_aiken
from learnpm.catalog.gift import parse_gift
from learnpm.catalog.importers import ImportResult

IMPORT = Path(__file__).parent.parent / "fixtures" / "import"
ARGS = {"bank": "demo", "domain": "people", "id_prefix": "imp"}
RIGHT, WRONG = "This is the correct answer.", "This is not the correct answer."
ONLY_MC = "(only multiple choice may have text after the answer block)"


def gift(text: str) -> ImportResult:
    return parse_gift(text, **ARGS)


def aiken(text: str) -> ImportResult:
    return parse_aiken(text, **ARGS)


def sample_gift_result() -> ImportResult:
    return parse_gift((IMPORT / "sample.gift").read_text(encoding="utf-8"), **ARGS)


def only(result: ImportResult) -> dict:
    assert result.skipped == []
    assert len(result.questions) == 1
    return result.questions[0]


def options(question: dict) -> list[tuple]:
    return [(o["text"], o["correct"], o["why"]) for o in question["options"]]
