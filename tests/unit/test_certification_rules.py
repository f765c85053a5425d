from datetime import date

from learnpm.domain.certification import (
    Activity,
    Category,
    ChecklistItem,
    RenewalRules,
    eligibility,
    experience_months,
    renewal_status,
    rules_for_cycle,
)
from learnpm.domain.dates import add_months, add_years, months_covered

PMP = RenewalRules(date(2000, 1, 1), 3, "PDU", 60, (
    Category("education", "Education", min=35),
    Category("ways-of-working", "Ways of Working", "education", min=8),
    Category("power-skills", "Power Skills", "education", min=8),
    Category("business-acumen", "Business Acumen", "education", min=8),
    Category("giving-back", "Giving Back", max=25),
    Category("working-as-practitioner", "Working as a practitioner", "giving-back", max=8),
))
CYCLE = date(2024, 3, 1)


def status(*activities, today=date(2026, 1, 1), rules=PMP, start=CYCLE):
    return renewal_status(rules, start, [Activity(c, u, d) for c, u, d in activities], today)


def test_leap_day_cycles_end_on_28_february():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 15), -14) == date(2025, 1, 15)


def test_overlapping_experience_counts_once():
    periods = [(date(2020, 1, 1), date(2020, 12, 31)), (date(2020, 7, 1), date(2021, 6, 30))]
    assert months_covered(periods) == 18
    assert months_covered([(date(2020, 1, 1), date(2020, 12, 31))] * 3) == 12


def test_experience_outside_the_window_does_not_count():
    periods = [(date(2010, 1, 1), date(2015, 12, 31)), (date(2023, 1, 1), date(2025, 12, 31))]
    assert experience_months(periods, date(2026, 1, 1), 120) == 36  # window opens 2016
    assert experience_months(periods, date(2026, 1, 1), 144) == 36 + 24
    assert experience_months(periods, date(2026, 1, 1), None) == 72 + 36


def test_complete_renewal():
    result = status(("ways-of-working", 15, date(2024, 5, 1)),
                    ("power-skills", 10, date(2025, 1, 1)),
                    ("business-acumen", 10, date(2025, 6, 1)),
                    ("giving-back", 25, date(2025, 7, 1)))
    assert result.counted == 60 and result.missing == 0 and result.complete
    assert result.cycle_end == date(2027, 3, 1)


def test_category_minimums_drive_what_is_missing():
    result = status(("ways-of-working", 40, date(2024, 5, 1)),
                    ("giving-back", 20, date(2025, 1, 1)))
    by_id = {p.category.id: p for p in result.categories}
    assert result.counted == 60
    assert by_id["power-skills"].missing == 8 and by_id["business-acumen"].missing == 8
    assert by_id["education"].missing == 16  # 40 counted, but both other areas are empty
    assert result.missing == 16 and not result.complete


def test_caps_limit_what_counts():
    result = status(("working-as-practitioner", 20, date(2024, 5, 1)),
                    ("giving-back", 30, date(2024, 6, 1)))
    by_id = {p.category.id: p for p in result.categories}
    assert by_id["working-as-practitioner"].counted == 8
    assert by_id["giving-back"].earned == 50 and by_id["giving-back"].counted == 25
    assert result.counted == 25 and result.missing == 35


def test_activities_outside_the_cycle_are_ignored():
    result = status(("power-skills", 10, date(2024, 2, 29)), ("power-skills", 10, date(2027, 3, 1)))
    assert result.counted == 0


def test_warnings_only_near_the_end():
    early = status(("power-skills", 8, date(2024, 5, 1)), today=date(2025, 1, 1))
    assert early.warnings == ()
    late = status(("power-skills", 8, date(2024, 5, 1)), today=date(2026, 12, 1))
    assert late.warnings[0] == "90 days left and 52 PDUs still needed."
    assert "You're 8 PDUs short in Business Acumen." in late.warnings
    over = status(today=date(2027, 4, 1))
    assert "ended 31 days ago" in over.warnings[0]


def test_a_cycle_uses_the_rules_in_force_when_it_started():
    newer = RenewalRules(date(2025, 1, 1), 3, "PDU", 70, PMP.categories)
    assert rules_for_cycle([PMP, newer], date(2024, 3, 1)) is PMP
    assert rules_for_cycle([PMP, newer], date(2025, 6, 1)) is newer
    assert rules_for_cycle([newer], date(2024, 3, 1)) is None


def test_points_every_year():
    prince2 = RenewalRules(date(2023, 1, 1), 3, "CPD point", 60, (), per_year_min=20)
    result = status(("cpd", 30, date(2024, 4, 1)), ("cpd", 20, date(2025, 4, 1)), rules=prince2,
                    today=date(2026, 12, 1))
    assert result.years == ((1, 30, 0), (2, 20, 0), (3, 0, 20))
    assert result.missing == 20 and "Year 3 of the cycle needs 20 more." in result.warnings


def test_eligibility_by_education_level_and_waiver():
    rules = dict(education_hours=35, waived_by=["capm"],
                 experience_by_level={"secondary": 60, "bachelor": 36}, window_months=120,
                 required_course=None)
    graduate = eligibility(held=[], education_level="bachelor", **rules)
    assert graduate.experience_months == 36 and not graduate.education_waived
    unknown = eligibility(held=["capm"], education_level=None, **rules)
    assert unknown.experience_months == 60 and unknown.education_waived
    checklist = graduate.checklist(hours=20, months=40, course_done=False)
    assert [(i.name, i.met) for i in checklist] == [
        ("Project management education", False), ("Project experience", True)]


def test_course_only_certification():
    csm = eligibility(None, [], [], {}, None, None, "A 16-hour live CSM course")
    assert csm.checklist(0, 0, course_done=True) == [
        ChecklistItem("A 16-hour live CSM course", have=1, need=1, unit="course", met=True)]


def test_giving_back_takes_units_itself_when_the_rules_say_so():
    plain = [c.id for c in PMP.loggable()]
    assert "giving-back" not in plain and "education" not in plain
    logged = RenewalRules(date(2000, 1, 1), 3, "PDU", 60, tuple(
        Category(c.id, c.name, c.parent, c.min, c.max, loggable=c.id == "giving-back")
        for c in PMP.categories))
    assert [c.id for c in logged.loggable()] == [
        "ways-of-working", "power-skills", "business-acumen", "giving-back",
        "working-as-practitioner"]


def test_units_are_logged_in_quarter_steps():
    assert PMP.accepts(0.25) and PMP.accepts(1.5) and PMP.accepts(12)
    assert not PMP.accepts(0.3) and not PMP.accepts(0) and not PMP.accepts(1.1)
    seu = RenewalRules(date(2000, 1, 1), 2, "SEU", 20, step=1)
    assert seu.accepts(3) and not seu.accepts(2.5)


def test_a_shortfall_is_named_once_where_it_is():
    """Education needs 35 with 8 in each area: 8 in Ways of Working only leaves 8 + 8 short in
    the other two areas and 11 more anywhere in education, not 35 - 8 on top of those."""
    warnings = status(("ways-of-working", 8, date(2025, 1, 1)), today=date(2026, 12, 1)).warnings
    short = [w for w in warnings if "short in" in w]
    assert short == ["You're 11 PDUs short in Education (any area).",
                     "You're 8 PDUs short in Power Skills.",
                     "You're 8 PDUs short in Business Acumen."]
