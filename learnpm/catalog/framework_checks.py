"""Cross-references between the frameworks and the rest of the content."""
from .entries import Catalog
from .errors import ContentProblems


def check_frameworks(catalog: Catalog, problems: ContentProblems) -> None:
    skills = catalog.skills
    skill_ids = {s.id for s in skills.skills} if skills else set()
    if skills:
        for skill in skills.skills:
            for slug in skill.modules:
                if slug not in catalog.modules:
                    problems.add(_file(catalog, "skills"), 1,
                                 f"skill {skill.id}: unknown module '{slug}'")
    for role in catalog.roles.values():
        where = _file(catalog, "careers")
        for skill_id, level in role.skills.items():
            if skill_id not in skill_ids:
                problems.add(where, 1, f"role {role.id}: unknown skill '{skill_id}'")
            elif not isinstance(level, int) or not 1 <= level <= 5:
                problems.add(where, 1, f"role {role.id}: level of '{skill_id}' must be 1 to 5")
        for cert in role.certifications:
            if cert not in catalog.certifications:
                problems.add(where, 1, f"role {role.id}: unknown certification '{cert}'")
        for other in role.next:
            if other not in catalog.roles:
                problems.add(where, 1, f"role {role.id}: unknown next role '{other}'")
        for path in role.paths:
            if path not in catalog.paths:
                problems.add(where, 1, f"role {role.id}: unknown learning path '{path}'")
    for cert in catalog.certifications.values():
        if cert.exam and cert.exam not in catalog.exams:
            problems.add(cert.file, 1, f"certification {cert.id}: unknown exam '{cert.exam}'")
        for other in cert.eligibility.waived_by:
            if other not in catalog.certifications:
                problems.add(cert.file, 1, f"certification {cert.id}: unknown certification "
                                           f"'{other}' in education_waived_by")
        for rules in cert.renewal:
            ids = {c.id for c in rules.categories}
            for category in rules.categories:
                if category.parent and category.parent not in ids:
                    problems.add(cert.file, 1, f"certification {cert.id}: category "
                                               f"'{category.id}' has unknown parent "
                                               f"'{category.parent}'")


def _file(catalog: Catalog, name: str) -> str:
    return f"content/frameworks/{name}.yaml"
