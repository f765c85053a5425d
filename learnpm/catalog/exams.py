"""Parse exam blueprints: the facts of a real exam, with their source and date."""
import datetime
from typing import Any

from ..domain.scoring import Band, ResultKind
from .entries import Break, Domain, ExamBlueprint, Task
from .errors import ContentProblems
from .modules import _slug_check
from .schema import Field, read_items, read_record
from .yamltext import LineMap, load_yaml_file

EXAM_FIELDS = (
    Field("id", check=_slug_check),
    Field("name"),
    Field("body"),
    Field("questions", int, check=lambda v: None if v > 0 else "must be positive"),
    Field("scored", int),
    Field("minutes", int, check=lambda v: None if v > 0 else "must be positive"),
    Field("breaks", list, required=False, default=list),
    Field("domains", list, check=lambda v: None if v else "must list at least one domain"),
    Field("result", dict),
    Field("approach_mix", required=False, default=""),
    Field("study_path", required=False, check=_slug_check),
    Field("notes"),
    Field("source"),
    Field("as_of", (datetime.date, str)),
)
DOMAIN_FIELDS = (
    Field("id", check=_slug_check), Field("name"), Field("weight", float),
    Field("tasks", list, required=False, default=list),
)
TASK_FIELDS = (Field("id", check=_slug_check), Field("name"))
BREAK_FIELDS = (Field("after", int), Field("minutes", int))
RESULT_FIELDS = (
    Field("kind", choices=tuple(k.value for k in ResultKind)),
    Field("pass_percent", float, required=False),
    Field("bands", list, required=False, default=list),
)
BAND_FIELDS = (Field("name"), Field("floor", float))


def _items(values: list[Any], spec: tuple[Field, ...], source: str, line: int,
           problems: ContentProblems, what: str) -> list[dict[str, Any]]:
    return [found for _, found in read_items(values, spec, source, line, problems, what)]


def parse_exam(text: str, source: str, problems: ContentProblems) -> ExamBlueprint | None:
    data = load_yaml_file(text, source, problems)
    if data is None:
        return None
    before = len(problems)
    values = read_record(data, EXAM_FIELDS, (source, 1), problems, "exam blueprint")
    if values is None:
        return None
    domains = []
    for raw in _items(values["domains"], DOMAIN_FIELDS, source, data.line_of("domains"),
                      problems, "domain"):
        tasks = _items(raw["tasks"], TASK_FIELDS, source, data.line_of("domains"), problems, "task")
        domains.append(Domain(raw["id"], raw["name"], float(raw["weight"]),
                              tuple(Task(t["id"], t["name"]) for t in tasks)))
    breaks = _items(values["breaks"], BREAK_FIELDS, source, data.line_of("breaks"), problems,
                    "break")
    result = read_record(data["result"], RESULT_FIELDS, (source, data.line_of("result")),
                         problems, "result") or {}
    bands = _items(result.get("bands") or [], BAND_FIELDS, source, data.line_of("result"),
                   problems, "band")
    _check_exam(values, domains, result, bands, source, data, problems)
    if len(problems) > before:
        return None
    return ExamBlueprint(
        id=values["id"], name=values["name"], body=values["body"],
        questions=values["questions"], scored=values["scored"], minutes=values["minutes"],
        breaks=tuple(Break(b["after"], b["minutes"]) for b in breaks), domains=tuple(domains),
        result_kind=ResultKind(result["kind"]), pass_percent=result.get("pass_percent"),
        bands=tuple(sorted((Band(b["name"], float(b["floor"])) for b in bands),
                           key=lambda band: -band.floor)),
        approach_mix=values["approach_mix"].strip(), study_path=values["study_path"],
        notes=values["notes"].strip(),
        source=values["source"].strip(), as_of=str(values["as_of"]), file=source,
    )


def _check_exam(values: dict[str, Any], domains: list[Domain], result: dict[str, Any],
                bands: list[dict[str, Any]], source: str, data: LineMap,
                problems: ContentProblems) -> None:
    line = data.line_of("domains")
    total = sum(d.weight for d in domains)
    if domains and abs(total - 100) > 0.01:
        problems.add(source, line, f"domain weights add up to {total:g}, not 100")
    ids = [d.id for d in domains]
    for dup in {i for i in ids if ids.count(i) > 1}:
        problems.add(source, line, f"domain id '{dup}' is used twice")
    if values["scored"] > values["questions"]:
        problems.add(source, data.line_of("scored"), "scored questions exceed questions")
    kind = result.get("kind")
    if kind == "pass_mark" and result.get("pass_percent") is None:
        problems.add(source, data.line_of("result"), "a pass_mark result needs 'pass_percent'")
    if kind == "ratings" and not bands:
        problems.add(source, data.line_of("result"), "a ratings result needs 'bands'")
    if kind == "ratings" and bands and min(b["floor"] for b in bands) != 0:
        problems.add(source, data.line_of("result"), "the lowest band must have floor 0")
