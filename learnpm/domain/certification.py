"""Certification rules: eligibility, renewal progress and warnings. Pure data in, data out."""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .dates import add_months, add_years, months_covered

EDUCATION_LEVELS = ("secondary", "associate", "bachelor", "gac")
WARN_DAYS = 180  # start warning half a year before a cycle ends


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    parent: str | None = None
    min: float | None = None
    max: float | None = None
    loggable: bool = False  # a parent that also takes units directly (PMI's Giving Back)


@dataclass(frozen=True)
class RenewalRules:
    effective_from: date
    cycle_years: int
    unit: str
    total: float
    categories: tuple[Category, ...] = ()
    per_year_min: float | None = None
    fee: str = ""
    step: float = 0.25  # units are logged in multiples of this (PMI: quarter PDUs)

    def loggable(self) -> list[Category]:
        """What an activity can be logged against: every category without parts, and parents
        that also take units of their own (Giving Back beyond working as a practitioner)."""
        parents = {c.parent for c in self.categories if c.parent}
        return [c for c in self.categories if c.id not in parents or c.loggable]

    def accepts(self, units: float) -> bool:
        """Units in whole steps (0.25 PDU, not 0.3)."""
        steps = units / self.step
        return units > 0 and abs(steps - round(steps)) < 1e-9


def rules_for_cycle(versions: Sequence[RenewalRules], cycle_start: date) -> RenewalRules | None:
    """The rules in force when a cycle starts apply to the whole cycle."""
    in_force = [v for v in versions if v.effective_from <= cycle_start]
    return max(in_force, key=lambda v: v.effective_from) if in_force else None


@dataclass(frozen=True)
class Activity:
    category: str
    units: float
    on: date


@dataclass(frozen=True)
class CategoryProgress:
    category: Category
    earned: float  # everything logged
    counted: float  # after caps
    missing: float  # still needed to meet this category's minimum (and its children's)


@dataclass(frozen=True)
class RenewalStatus:
    rules: RenewalRules
    cycle_start: date
    cycle_end: date
    counted: float
    missing: float
    categories: tuple[CategoryProgress, ...]
    years: tuple[tuple[int, float, float], ...]  # (cycle year 1.., counted, missing)
    days_left: int
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def complete(self) -> bool:
        return self.missing <= 0


def renewal_status(rules: RenewalRules, cycle_start: date, activities: Sequence[Activity],
                   today: date) -> RenewalStatus:
    cycle_end = add_years(cycle_start, rules.cycle_years)
    in_cycle = [a for a in activities if cycle_start <= a.on < cycle_end]
    direct: dict[str, float] = {}
    for activity in in_cycle:
        direct[activity.category] = direct.get(activity.category, 0) + activity.units
    progress = _categories(rules, direct)
    top = [p for p in progress.values() if p.category.parent is None]
    counted = sum(p.counted for p in top) + sum(
        units for cat, units in direct.items() if cat not in progress)
    missing = max(rules.total - counted, sum(p.missing for p in top), 0)
    years = _yearly(rules, cycle_start, in_cycle)
    if years:
        missing = max(missing, sum(m for _, _, m in years))
    days_left = (cycle_end - today).days
    ordered = tuple(progress[c.id] for c in rules.categories)
    return RenewalStatus(rules, cycle_start, cycle_end, counted, missing, ordered, tuple(years),
                         days_left, tuple(_warnings(rules, ordered, missing, days_left, years)))


def _categories(rules: RenewalRules, direct: Mapping[str, float]) -> dict[str, CategoryProgress]:
    by_id = {c.id: c for c in rules.categories}
    children: dict[str, list[str]] = {}
    for c in rules.categories:
        if c.parent:
            children.setdefault(c.parent, []).append(c.id)
    done: dict[str, CategoryProgress] = {}

    def visit(cid: str) -> CategoryProgress:
        if cid in done:
            return done[cid]
        category = by_id[cid]
        kids = [visit(k) for k in children.get(cid, [])]
        earned = direct.get(cid, 0) + sum(k.earned for k in kids)
        counted = direct.get(cid, 0) + sum(k.counted for k in kids)
        if category.max is not None:
            counted = min(counted, category.max)
        need = (category.min or 0) - counted
        missing = max(need, sum(k.missing for k in kids), 0)
        done[cid] = CategoryProgress(category, earned, counted, missing)
        return done[cid]

    for c in rules.categories:
        visit(c.id)
    return done


YearNeed = tuple[int, float, float]  # (year of the cycle, units logged, units still needed)


def _yearly(rules: RenewalRules, cycle_start: date, activities: Sequence[Activity]
            ) -> list[YearNeed]:
    if not rules.per_year_min:
        return []
    years = []
    for year in range(rules.cycle_years):
        start, end = add_years(cycle_start, year), add_years(cycle_start, year + 1)
        units = sum(a.units for a in activities if start <= a.on < end)
        years.append((year + 1, units, max(rules.per_year_min - units, 0)))
    return years


def _warnings(rules: RenewalRules, categories: Sequence[CategoryProgress], missing: float,
              days_left: int, years: Sequence[YearNeed]) -> list[str]:
    if missing <= 0:
        return []
    if days_left < 0:
        return [f"This cycle ended {-days_left} days ago with {missing:g} {rules.unit}s missing."]
    if days_left > WARN_DAYS:
        return []
    notes = [f"{days_left} days left and {missing:g} {rules.unit}s still needed."]
    for p in categories:
        # A parent's gap includes its parts' gaps: name only what is short beyond them.
        parts = sum(c.missing for c in categories if c.category.parent == p.category.id)
        own = p.missing - parts
        if own > 0 and p.category.min:
            where = f"{p.category.name}{' (any area)' if parts else ''}"
            notes.append(f"You're {own:g} {rules.unit}s short in {where}.")
    notes += [f"Year {y} of the cycle needs {m:g} more." for y, _, m in years if m > 0]
    return notes


@dataclass(frozen=True)
class ChecklistItem:
    name: str
    have: float
    need: float
    unit: str  # "hours", "months" or "course"
    met: bool
    waived: bool = False


@dataclass(frozen=True)
class Eligibility:
    education_hours: float | None  # required (None: none required)
    education_waived: bool
    experience_months: int | None  # required for this learner's education level
    experience_window: int | None
    required_course: str | None

    def checklist(self, hours: float, months: int, course_done: bool) -> list[ChecklistItem]:
        items = []
        if self.education_hours:
            met = self.education_waived or hours >= self.education_hours
            items.append(ChecklistItem("Project management education", hours,
                                       self.education_hours, "hours", met,
                                       self.education_waived))
        if self.experience_months:
            items.append(ChecklistItem("Project experience", months, self.experience_months,
                                       "months", months >= self.experience_months))
        if self.required_course:
            items.append(ChecklistItem(self.required_course, int(course_done), 1, "course",
                                       course_done))
        return items


def eligibility(education_hours: float | None, waived_by: Sequence[str], held: Sequence[str],
                experience_by_level: Mapping[str, int], education_level: str | None,
                window_months: int | None, required_course: str | None) -> Eligibility:
    """What a learner still needs, given their education level and certifications held."""
    months = None
    if experience_by_level:
        # Without a stated education level, assume the longest route rather than overpromise.
        months = experience_by_level.get(education_level or "", max(experience_by_level.values()))
    return Eligibility(education_hours, bool(set(waived_by) & set(held)), months, window_months,
                       required_course)


def experience_months(periods: list[tuple[date, date]], today: date,
                      window_months: int | None) -> int:
    """Months that count: overlaps once, and only inside the window that ends today."""
    since = add_months(today, -window_months) if window_months else None
    return months_covered(periods, since=since, until=today)
