"""The database side of the certification tracker, and the glue to the rules."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..catalog import Catalog
from ..catalog.frameworks import Certification
from ..domain import certification as rules
from ..extensions import db
from ..learn.services import completed_slugs
from ..models import (
    CertificationRecord,
    CertStatus,
    EducationEntry,
    ExperienceEntry,
    LearnerProfile,
    RenewalActivity,
)


def records(user_id: int) -> dict[str, CertificationRecord]:
    rows = db.session.scalars(select(CertificationRecord).where(
        CertificationRecord.user_id == user_id))
    return {row.cert_id: row for row in rows}


def record_for(user_id: int, cert_id: str) -> CertificationRecord:
    """The learner's record for a certification; a new unsaved one if there is none yet."""
    row = db.session.scalar(select(CertificationRecord).where(
        CertificationRecord.user_id == user_id, CertificationRecord.cert_id == cert_id))
    return row or CertificationRecord(user_id=user_id, cert_id=cert_id,
                                      status=CertStatus.INTERESTED, course_done=False)


def held(user_id: int) -> set[str]:
    """Certifications the learner holds now."""
    return set(db.session.scalars(select(CertificationRecord.cert_id).where(
        CertificationRecord.user_id == user_id,
        CertificationRecord.status == CertStatus.CERTIFIED)))


def education_level(user_id: int) -> str | None:
    profile = db.session.get(LearnerProfile, user_id)
    return profile.education_level if profile else None


@dataclass(frozen=True)
class Education:
    modules: list  # (Module, hours) completed in LearnPM that carry contact hours
    entries: list[EducationEntry]

    @property
    def total(self) -> float:
        return sum(h for _, h in self.modules) + sum(e.hours for e in self.entries)


def education(user_id: int, catalog) -> Education:
    done = completed_slugs(user_id)
    modules = [(m, m.contact_hours) for m in catalog.modules.values()
               if m.slug in done and m.contact_hours]
    entries = list(db.session.scalars(select(EducationEntry).where(
        EducationEntry.user_id == user_id).order_by(EducationEntry.completed_on.desc())))
    return Education(sorted(modules, key=lambda item: item[0].title), entries)


def experience(user_id: int) -> list[ExperienceEntry]:
    return list(db.session.scalars(select(ExperienceEntry).where(
        ExperienceEntry.user_id == user_id).order_by(ExperienceEntry.started_on.desc())))


def periods(entries: list[ExperienceEntry], today: date) -> list[tuple[date, date]]:
    return [(e.started_on, e.ended_on or today) for e in entries]


def months_of_experience(user_id: int, today: date, window_months: int | None = None) -> int:
    """Logged experience in months, overlaps once; an open entry runs to today."""
    return rules.experience_months(periods(experience(user_id), today), today, window_months)


def activities(user_id: int, cert_id: str) -> list[RenewalActivity]:
    return list(db.session.scalars(select(RenewalActivity).where(
        RenewalActivity.user_id == user_id, RenewalActivity.cert_id == cert_id)
        .order_by(RenewalActivity.activity_date.desc(), RenewalActivity.id.desc())))


def eligibility_checklist(cert: Certification, user_id: int, record: CertificationRecord,
                          catalog: Catalog, today: date
                          ) -> tuple[list[rules.ChecklistItem], rules.Eligibility]:
    spec = cert.eligibility
    found = rules.eligibility(spec.education_hours, spec.waived_by, sorted(held(user_id)),
                              spec.experience_months, education_level(user_id),
                              spec.within_months, spec.required_course)
    months = months_of_experience(user_id, today, spec.within_months)
    hours = education(user_id, catalog).total
    return found.checklist(hours, months, record.course_done), found


def renewal(cert: Certification, record: CertificationRecord, user_id: int,
            today: date) -> rules.RenewalStatus | None:
    start = record.cycle_start or record.passed_on
    if record.status is not CertStatus.CERTIFIED or start is None:
        return None
    in_force = rules.rules_for_cycle(cert.renewal, start)
    if in_force is None:
        return None
    logged = [rules.Activity(a.category, a.units, a.activity_date)
              for a in activities(user_id, cert.id)]
    return rules.renewal_status(in_force, start, logged, today)


def rules_in_force(cert: Certification, record: CertificationRecord) -> rules.RenewalRules | None:
    start = record.cycle_start or record.passed_on or date.today()
    return rules.rules_for_cycle(cert.renewal, start) or (cert.renewal[-1] if cert.renewal
                                                          else None)


def loggable_categories(in_force: rules.RenewalRules | None) -> list[rules.Category]:
    if in_force is None:
        return []
    # A certification with no categories still needs somewhere to log its units.
    return in_force.loggable() or [rules.Category("general", f"{in_force.unit}s")]


def save(row) -> None:
    db.session.add(row)
    db.session.commit()


def delete_owned(model, row_id: int, user_id: int) -> bool:
    row = db.session.scalar(select(model).where(model.id == row_id, model.user_id == user_id))
    if row is None:
        return False
    db.session.delete(row)
    db.session.commit()
    return True
