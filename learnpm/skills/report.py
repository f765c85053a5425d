"""The results page: the latest assessment read against an earlier one and a target role."""
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..catalog import Module
from ..catalog.frameworks import Role, Skill, SkillFramework
from ..charts import radar
from ..domain.careers import with_article
from ..domain.skills import Comparison, Gap, compare, gaps, modules_for, strengths
from ..models import Assessment
from ..templating import long_date

MODULES_PER_GAP = 3


@dataclass(frozen=True)
class Advice:
    skill: Skill
    have: int  # 0: not rated yet
    need: int
    modules: tuple[Module, ...] = ()  # unread modules that build the skill


@dataclass(frozen=True)
class Row:
    """One line of the table behind the chart."""
    skill: Skill
    now: int | None
    before: int | None
    target: int | None


@dataclass(frozen=True)
class SkillsReport:
    rows: list[Row]
    legend: list[str]  # series names in chart order (CSS classes series-1, series-2, ...)
    chart: Markup
    strengths: list[Advice]
    gaps: list[Advice]
    changes: list[Comparison]
    role_phrase: str = ""  # "a project manager", for sentences about the target role


def modules_by_skill(framework: SkillFramework, modules: Mapping[str, Module]
                     ) -> dict[str, list[str]]:
    """The modules each skill links to, leaving out any the library doesn't have."""
    return {s.id: [slug for slug in s.modules if slug in modules] for s in framework.skills}


def build_report(framework: SkillFramework, modules: Mapping[str, Module], latest: Assessment,
                 earlier: Assessment | None, role: Role | None, completed: set[str]
                 ) -> SkillsReport:
    now, before = latest.levels(), earlier.levels() if earlier else {}
    target = role.skills if role else {}
    skills = framework.skills
    series = [(f"You now ({long_date(latest.created_at)})", now)]
    if earlier is not None:
        series.append((f"You on {long_date(earlier.created_at)}", before))
    if role is not None:
        series.append((f"Typical of {with_article(role.name)}", target))
    chart = radar([s.name for s in skills], [(name, [levels.get(s.id) for s in skills])
                                             for name, levels in series],
                  "Your skills compared" if len(series) > 1 else "Your skills")
    by_skill = modules_by_skill(framework, modules)

    def advice(gap: Gap) -> Advice:
        slugs = modules_for([gap], by_skill, completed, limit=MODULES_PER_GAP)
        return Advice(framework[gap.skill], gap.have, gap.need,
                      tuple(modules[slug] for slug in slugs))

    known = {s.id for s in skills}
    return SkillsReport(
        rows=[Row(s, now.get(s.id), before.get(s.id), target.get(s.id)) for s in skills],
        legend=[name for name, _ in series], chart=chart,
        strengths=[Advice(framework[s], now[s], target[s])
                   for s in strengths(now, target) if s in known],
        gaps=[advice(g) for g in gaps(now, target) if g.skill in known],
        changes=compare([s.id for s in skills], now, before) if earlier else [],
        role_phrase=with_article(role.name) if role else "")
