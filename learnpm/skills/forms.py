from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import Length

from ..catalog.frameworks import Skill, SkillFramework
from ..models import Assessment

EVIDENCE_MAX = 2000


def level_field(skill: Skill) -> str:
    return f"level-{skill.id}"


def evidence_field(skill: Skill) -> str:
    return f"evidence-{skill.id}"


class AssessmentForm(FlaskForm):
    """One radio group and one evidence box per skill; the fields come from the framework."""

    @classmethod
    def for_framework(cls, framework: SkillFramework,
                      previous: Assessment | None = None) -> "AssessmentForm":
        form_class = type("FrameworkAssessmentForm", (cls,), {})
        levels = [SelectChoice(str(n), name) for n, name in enumerate(framework.level_names, 1)]
        for skill in framework.skills:
            missing = f"Choose the level that sounds most like you for {skill.name}."
            setattr(form_class, level_field(skill), RadioField(
                skill.name, coerce=int, choices=levels, invalid_choice_message=missing,
                invalid_value_message=missing))
            setattr(form_class, evidence_field(skill), TextAreaField(
                Markup('Evidence<span class="visually-hidden"> for {}</span> (optional)')
                .format(skill.name),
                validators=[Length(max=EVIDENCE_MAX, message=(
                    f"Keep the evidence under {EVIDENCE_MAX:,} characters."))],
                description="A moment from your work that shows this level, so you "
                            "remember later why you chose it."))
        form = form_class()
        if not form.is_submitted():  # a sent form stands alone: no gap is filled from before
            form.process(data=_prefill(previous, framework))
        return form

    def level_for(self, skill: Skill) -> RadioField:
        return self[level_field(skill)]

    def evidence_for(self, skill: Skill) -> TextAreaField:
        return self[evidence_field(skill)]

    def ratings(self, framework: SkillFramework) -> dict[str, tuple[int, str]]:
        """(level, evidence) per skill, as submitted."""
        return {s.id: (self.level_for(s).data, (self.evidence_for(s).data or "").strip())
                for s in framework.skills}


def _prefill(previous: Assessment | None, framework: SkillFramework) -> dict:
    if previous is None:
        return {}
    data: dict[str, int | str] = {}
    for rating in previous.ratings:
        skill = framework.get(rating.skill_id)
        if skill is not None:
            data[level_field(skill)] = rating.level
            data[evidence_field(skill)] = rating.evidence
    return data
