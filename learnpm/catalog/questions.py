"""Parse question-bank files: `content/questions/<bank>/*.yaml`."""
import hashlib
import json
import string
import sys
from typing import Any

from ..domain.questions import Option, Pair, QuestionType
from .entries import Question
from .errors import ContentProblems
from .schema import Field, read_record
from .yamltext import LineMap, load_yaml_file

TYPES = tuple(t.value for t in QuestionType)
DIFFICULTIES = ("easy", "medium", "hard")
APPROACHES = ("predictive", "agile", "hybrid")
STYLES = ("standard", "list", "negative", "missing-word", "situational")

QUESTION_FIELDS = (
    Field("id", check=lambda v: None if v.replace("-", "").replace("_", "").isalnum()
          else "may hold only letters, digits, '-' and '_'"),
    Field("type", choices=TYPES),
    Field("domain"),
    Field("task", required=False),
    Field("approach", required=False, choices=APPROACHES),
    Field("style", required=False, choices=STYLES),
    Field("difficulty", choices=DIFFICULTIES),
    Field("modules", list, required=False, default=list, item_kind=str),
    Field("shuffle", bool, required=False, default=True),
    Field("title", required=False),  # e.g. from a GIFT import: shown to editors, not learners
    Field("stem"),
    Field("options", list, required=False, default=list),
    Field("pairs", list, required=False, default=list),
    Field("explanation", required=False, default=""),
)
OPTION_FIELDS = (Field("text", (str, int, float, bool)), Field("correct", bool, required=False,
                 default=False), Field("why"))
PAIR_FIELDS = (Field("left"), Field("right"))
_JSON = json.JSONEncoder(sort_keys=True)  # what json.dumps(..., sort_keys=True) uses, made once


def parse_question_file(text: str, source: str, bank: str,
                        problems: ContentProblems) -> list[Question]:
    data = load_yaml_file(text, source, problems)
    if data is None:
        return []
    if not isinstance(data, LineMap) or not isinstance(data.get("questions"), list):
        problems.add(source, 1, "a question file holds a mapping with a 'questions' list")
        return []
    parsed = []
    for raw in data["questions"]:
        line = getattr(raw, "line", data.line_of("questions"))
        question = _parse_question(raw, source, line, bank, problems)
        if question is not None:
            parsed.append(question)
    return parsed


def _parse_question(raw: Any, source: str, line: int, bank: str,
                    problems: ContentProblems) -> Question | None:
    before = len(problems)
    values = read_record(raw, QUESTION_FIELDS, (source, line), problems, "question")
    if values is None:
        return None
    options = _options(values, raw, source, problems)
    pairs = _pairs(values, raw, source, problems)
    if len(problems) > before:
        return None
    shuffle = values["shuffle"] and values["type"] != "true_false"
    seen = {k: values[k] for k in ("type", "stem", "explanation")}
    seen["options"] = [(o.text, o.correct, o.why) for o in options]
    seen["pairs"] = [(p.left, p.right) for p in pairs]
    version = hashlib.sha256(_JSON.encode(seen).encode()).hexdigest()[:12]
    # Thousands of questions name the same few domains, tasks and modules: one copy each.
    return Question(
        id=values["id"], bank=bank, type=QuestionType(values["type"]),
        domain=sys.intern(values["domain"]), task=_intern(values["task"]),
        approach=_intern(values["approach"]), style=_intern(values["style"]),
        difficulty=sys.intern(values["difficulty"]),
        modules=tuple(map(sys.intern, values["modules"])), shuffle=shuffle,
        title=(values["title"] or "").strip(), stem=values["stem"].strip(), options=options,
        pairs=pairs,
        explanation=(values["explanation"] or "").strip(), version=version, source=source,
        line=line,
    )


def _intern(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


def _options(values: dict[str, Any], raw: LineMap, source: str, problems: ContentProblems
             ) -> tuple[Option, ...]:
    kind, line = values["type"], raw.line_of("options")
    if kind == "matching":
        if values["options"]:
            problems.add(source, line, "a matching question uses 'pairs', not 'options'")
        return ()
    options = []
    for index, item in enumerate(values["options"]):
        cleaned = read_record(item, OPTION_FIELDS, (source, getattr(item, "line", line)),
                              problems, "option")
        if cleaned is not None:
            options.append(Option(string.ascii_lowercase[index], str(cleaned["text"]).strip(),
                                  cleaned["correct"], cleaned["why"].strip()))
    correct = sum(o.correct for o in options)
    if kind == "true_false" and sorted(o.text for o in options) != ["False", "True"]:
        problems.add(source, line, "a true_false question has exactly the options True and False")
    elif len(options) < 2 or len(options) > 8:
        problems.add(source, line, f"a {kind} question needs 2 to 8 options, not {len(options)}")
    if kind in ("single", "true_false") and correct != 1:
        problems.add(source, line, f"a {kind} question needs exactly one correct option, "
                                   f"not {correct}")
    if kind == "multiple" and not 2 <= correct < len(options):
        problems.add(source, line, "a multiple question needs at least two correct options "
                                   "and at least one wrong one")
    texts = [o.text for o in options]
    for dup in {t for t in texts if texts.count(t) > 1}:
        problems.add(source, line, f"option '{dup}' appears twice")
    return tuple(options)


def _pairs(values: dict[str, Any], raw: LineMap, source: str, problems: ContentProblems
           ) -> tuple[Pair, ...]:
    line = raw.line_of("pairs")
    if values["type"] != "matching":
        if values["pairs"]:
            problems.add(source, line, "only a matching question has 'pairs'")
        return ()
    pairs = []
    for item in values["pairs"]:
        cleaned = read_record(item, PAIR_FIELDS, (source, getattr(item, "line", line)),
                              problems, "pair")
        if cleaned is not None:
            pairs.append(Pair(cleaned["left"].strip(), cleaned["right"].strip()))
    if len(pairs) < 2:
        problems.add(source, line, "a matching question needs at least two pairs")
    rights = [p.right for p in pairs]
    if len(set(rights)) != len(rights):
        problems.add(source, line, "each right-hand item of a matching question must differ")
    return tuple(pairs)
