"""Parse the frameworks: skills, career roles and certification rules (content/frameworks/)."""
import datetime
from dataclasses import dataclass, field
from typing import Any

from ..domain.certification import Category, RenewalRules
from .errors import ContentProblems
from .modules import _slug_check
from .schema import Field, Location, read_items, read_record
from .yamltext import LineMap, load_yaml_file

GROUPS = ("power-skills", "ways-of-working", "business-acumen")
DATE = (datetime.date, str)


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    kind: str
    group: str
    description: str
    levels: tuple[str, ...]  # behaviour at levels 1..5
    modules: tuple[str, ...]
    at: Location = field(default=Location("", 1), compare=False, repr=False)


@dataclass(frozen=True)
class SkillFramework:
    level_names: tuple[str, ...]
    skills: tuple[Skill, ...]
    source: str
    as_of: str

    def get(self, skill_id: str) -> Skill | None:
        return next((s for s in self.skills if s.id == skill_id), None)

    def __getitem__(self, skill_id: str) -> Skill:
        found = self.get(skill_id)
        if found is None:
            raise KeyError(skill_id)
        return found


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    track: str
    rank: int | None
    summary: str
    experience: str
    experience_months: int
    skills: dict[str, int]
    certifications: tuple[str, ...]
    next: tuple[str, ...]
    paths: tuple[str, ...]
    at: Location = field(default=Location("", 1), compare=False, repr=False)


@dataclass(frozen=True)
class EligibilityRules:
    education_hours: float | None
    waived_by: tuple[str, ...]
    experience_months: dict[str, int]
    within_months: int | None
    required_course: str | None
    notes: str
    at: Location = field(default=Location("", 1), compare=False, repr=False)


@dataclass(frozen=True)
class Certification:
    id: str
    name: str
    body: str
    exam: str | None
    url: str
    eligibility: EligibilityRules
    renewal: tuple[RenewalRules, ...]
    source: str
    as_of: str
    at: Location = field(default=Location("", 1), compare=False, repr=False)


SKILL_FIELDS = (Field("id", check=_slug_check), Field("name"),
                Field("kind", choices=("skill", "duty")), Field("group", choices=GROUPS),
                Field("description"), Field("levels", dict),
                Field("modules", list, required=False, default=list, item_kind=str))
ROLE_FIELDS = (Field("id", check=_slug_check), Field("name"),
               Field("track", choices=("ladder", "lateral")), Field("rank", int, required=False),
               Field("summary"), Field("experience"), Field("experience_months", int, default=0,
                                                            required=False),
               Field("skills", dict), Field("certifications", list, required=False, default=list),
               Field("next", list, required=False, default=list),
               Field("paths", list, required=False, default=list))
CERT_FIELDS = (Field("id", check=_slug_check), Field("name"), Field("body"),
               Field("exam", required=False), Field("url", required=False, default=""),
               Field("eligibility", dict), Field("renewal", list, required=False, default=list),
               Field("source"), Field("as_of", DATE))
ELIGIBILITY_FIELDS = (
    Field("education_hours", float, required=False),
    Field("education_waived_by", list, required=False, default=list),
    Field("experience_months", dict, required=False, default=dict),
    Field("experience_within_months", int, required=False),
    Field("required_course", required=False), Field("notes", required=False, default=""))
RENEWAL_FIELDS = (Field("effective_from", DATE), Field("cycle_years", int), Field("unit"),
                  Field("total", float), Field("per_year_min", float, required=False),
                  Field("categories", list, required=False, default=list),
                  Field("fee", required=False, default=""),
                  Field("step", float, required=False, default=0.25,
                        check=lambda v: None if v > 0 else "must be positive"))
CATEGORY_FIELDS = (Field("id", check=_slug_check), Field("name"), Field("parent", required=False),
                   Field("min", float, required=False), Field("max", float, required=False),
                   Field("log", bool, required=False, default=False))


def _load(text: str, source: str, key: str, problems: ContentProblems
          ) -> tuple[LineMap | None, list[Any]]:
    data = load_yaml_file(text, source, problems)
    if data is None:
        return None, []
    if not isinstance(data, LineMap) or not isinstance(data.get(key), list):
        problems.add(source, 1, f"the file holds a mapping with a '{key}' list")
        return None, []
    return data, data[key]


def parse_skills(text: str, source: str, problems: ContentProblems) -> SkillFramework | None:
    data, raw = _load(text, source, "skills", problems)
    if data is None:
        return None
    skills = []
    for at, values in read_items(raw, SKILL_FIELDS, source, data.line_of("skills"), problems,
                                 "skill"):
        levels = values["levels"]
        if sorted(levels) != [1, 2, 3, 4, 5]:
            problems.add(source, at.line_of("levels"),
                         f"skill {values['id']}: levels must describe 1, 2, 3, 4 and 5")
            continue
        skills.append(Skill(values["id"], values["name"], values["kind"], values["group"],
                            values["description"].strip(),
                            tuple(str(levels[n]).strip() for n in range(1, 6)),
                            tuple(values["modules"]), at))
    names = [str(level.get("name")) for level in data.get("levels") or []
             if isinstance(level, dict)]
    if len(names) != 5:
        problems.add(source, data.line_of("levels"), "'levels' must name the five levels")
        names = ["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"]
    return SkillFramework(tuple(names), tuple(skills), str(data.get("source", "")),
                          str(data.get("as_of", "")))


def parse_roles(text: str, source: str, problems: ContentProblems) -> dict[str, Role]:
    data, raw = _load(text, source, "roles", problems)
    roles = {}
    for at, v in read_items(raw, ROLE_FIELDS, source, data.line_of("roles") if data else 1,
                            problems, "role"):
        bad = [k for k, level in v["skills"].items()
               if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5]
        for skill_id in bad:
            problems.add(source, at.line_of("skills"),
                         f"role {v['id']}: level of '{skill_id}' must be 1 to 5")
        roles[v["id"]] = Role(v["id"], v["name"], v["track"], v["rank"], v["summary"].strip(),
                              v["experience"].strip(), v["experience_months"],
                              {str(k): n for k, n in v["skills"].items() if k not in bad},
                              tuple(v["certifications"]), tuple(v["next"]), tuple(v["paths"]),
                              at)
    return roles


def parse_certifications(text: str, source: str, problems: ContentProblems
                         ) -> dict[str, Certification]:
    data, raw = _load(text, source, "certifications", problems)
    found = {}
    line = data.line_of("certifications") if data else 1
    for at, v in read_items(raw, CERT_FIELDS, source, line, problems, "certification"):
        rules = read_record(v["eligibility"], ELIGIBILITY_FIELDS,
                            (source, at.line_of("eligibility")), problems, "eligibility")
        if rules is None:
            continue
        renewal = tuple(_renewal_rules(v, source, at.line_of("renewal"), problems))
        found[v["id"]] = Certification(
            v["id"], v["name"], v["body"], v["exam"], v["url"] or "",
            EligibilityRules(rules["education_hours"], tuple(rules["education_waived_by"]),
                             {str(k): int(m) for k, m in rules["experience_months"].items()},
                             rules["experience_within_months"], rules["required_course"],
                             (rules["notes"] or "").strip(),
                             Location.of(v["eligibility"], source, at.line_of("eligibility"))),
            renewal, v["source"].strip(), str(v["as_of"]), at)
    return found


def _renewal_rules(cert: dict[str, Any], source: str, line: int, problems: ContentProblems
                   ) -> list[RenewalRules]:
    versions = []
    for at, r in read_items(cert["renewal"], RENEWAL_FIELDS, source, line, problems, "renewal"):
        found = read_items(r["categories"], CATEGORY_FIELDS, source, at.line_of("categories"),
                           problems, "category")
        ids = {c["id"] for _, c in found}
        for where, c in found:
            if c["parent"] and c["parent"] not in ids:
                problems.add(source, where.line_of("parent"),
                             f"certification {cert['id']}: category '{c['id']}' has unknown "
                             f"parent '{c['parent']}'")
        versions.append(RenewalRules(
            _date(r["effective_from"]), r["cycle_years"], r["unit"], float(r["total"]),
            tuple(Category(c["id"], c["name"], c["parent"], c["min"], c["max"], c["log"])
                  for _, c in found),
            r["per_year_min"], str(r["fee"] or ""), float(r["step"])))
    return versions


def _date(value: datetime.date | str) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
