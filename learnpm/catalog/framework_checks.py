"""Cross-references between the frameworks and the rest of the content.

Each problem names the file and line of the field that holds the bad reference.
"""
from .entries import Catalog
from .errors import ContentProblems


def check_frameworks(catalog: Catalog, problems: ContentProblems) -> None:
    _check_skills(catalog, problems)
    _check_roles(catalog, problems)
    _check_certifications(catalog, problems)


def _check_skills(catalog: Catalog, problems: ContentProblems) -> None:
    for skill in catalog.skills.skills if catalog.skills else ():
        for slug in skill.modules:
            if slug not in catalog.modules:
                problems.add(skill.at.source, skill.at.line_of("modules"),
                             f"skill {skill.id}: unknown module '{slug}'")


def _check_roles(catalog: Catalog, problems: ContentProblems) -> None:
    skill_ids = {s.id for s in catalog.skills.skills} if catalog.skills else set()
    for role in catalog.roles.values():
        references = (("skills", "skill", role.skills, skill_ids),
                      ("certifications", "certification", role.certifications,
                       catalog.certifications),
                      ("next", "next role", role.next, catalog.roles),
                      ("paths", "learning path", role.paths, catalog.paths))
        for field, what, named, known in references:
            for unknown in [n for n in named if n not in known]:
                problems.add(role.at.source, role.at.line_of(field),
                             f"role {role.id}: unknown {what} '{unknown}'")


def _check_certifications(catalog: Catalog, problems: ContentProblems) -> None:
    for cert in catalog.certifications.values():
        if cert.exam and cert.exam not in catalog.exams:
            problems.add(cert.at.source, cert.at.line_of("exam"),
                         f"certification {cert.id}: unknown exam '{cert.exam}'")
        for other in cert.eligibility.waived_by:
            if other not in catalog.certifications:
                where = cert.eligibility.at
                problems.add(where.source, where.line_of("education_waived_by"),
                             f"certification {cert.id}: unknown certification '{other}' in "
                             f"education_waived_by")
