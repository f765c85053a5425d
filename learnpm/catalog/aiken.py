"""The Aiken format: single-answer questions, options 'A.' to 'Z.' and an 'ANSWER: X' line."""
import re
from typing import Any

from .importers import Broken, ImportResult, blocks, check_args, check_options, option, parse

_AIKEN_OPTION = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_AIKEN_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.I)


def parse_aiken(text: str, *, bank: str, domain: str, id_prefix: str) -> ImportResult:
    check_args(bank, domain, id_prefix)
    # A question ends at a blank line or right after its ANSWER line.
    questions = blocks(text, ends=lambda line: bool(_AIKEN_ANSWER.match(line)))
    return parse(questions, _aiken_question, domain, id_prefix)


def _aiken_question(lines: list[str]) -> dict[str, Any]:
    lines = [line.strip() for line in lines]
    if _AIKEN_ANSWER.match(lines[0]):
        raise Broken("ANSWER line without a question")
    stem, letters, texts, answer = [lines[0]], [], [], None
    for line in lines[1:]:
        if match := _AIKEN_ANSWER.match(line):
            answer = match[1].strip()
        elif match := _AIKEN_OPTION.match(line):
            letters.append(match[1])
            texts.append(match[2].strip())
        elif letters:
            raise Broken(f"expected an option or the ANSWER line, found '{line}'")
        else:
            stem.append(line)
    if answer is None:
        raise Broken("no ANSWER line")
    if len(letters) < 2:
        raise Broken(f"a question needs at least 2 options, not {len(letters)}")
    if len(set(letters)) != len(letters):
        raise Broken("an option letter appears twice")
    if answer.upper() not in letters:
        raise Broken(f"ANSWER '{answer}' matches no option")
    options = [option(text, letter == answer.upper())
               for letter, text in zip(letters, texts, strict=True)]
    check_options(options)
    return {"type": "single", "stem": "\n".join(stem), "options": options}
