from collections.abc import Iterable
from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..catalog.frameworks import Role
from ..domain.careers import EDUCATION_LABELS, split_tracks
from ..models import GoalStatus

NOT_SET = SelectChoice("", "Not set")
PICK_A_ROLE = "Choose a role from the list."


def role_choices(roles: Iterable[Role]) -> list[SelectChoice]:
    """"Not set", then the ladder in rank order, then the lateral moves."""
    ladder, lateral = split_tracks(roles)
    return [NOT_SET, *(SelectChoice(r.id, r.name, optgroup="Career ladder") for r in ladder),
            *(SelectChoice(r.id, r.name, optgroup="Lateral moves") for r in lateral)]


def _strip(text: str | None) -> str | None:
    return text.strip() if text else text


def not_in_past(message: str):
    def check(form, field) -> None:
        if field.data and field.data < date.today():
            raise ValidationError(message)
    return check


class ProfileForm(FlaskForm):
    current_role = SelectField("Your role now", invalid_choice_message=PICK_A_ROLE)
    target_role = SelectField("The role you're working towards",
                              invalid_choice_message=PICK_A_ROLE)
    education_level = SelectField(
        "Your highest education", invalid_choice_message="Choose one of the listed options.",
        choices=[NOT_SET, *(SelectChoice(k, v) for k, v in EDUCATION_LABELS.items())],
        description="Some certifications ask for less experience if you hold a degree.")

    def __init__(self, roles: Iterable[Role], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_role.choices = self.target_role.choices = role_choices(roles)


class GoalForm(FlaskForm):
    title = StringField("Goal", filters=[_strip], validators=[
        DataRequired("Say what you want to achieve."),
        Length(max=200, message="Keep the goal under 200 characters.")],
        description="For example: pass the CAPM exam, or lead a small project at work.")
    target_date = DateField("Target date (optional)", validators=[
        Optional(), not_in_past("A target date can't be in the past. Choose today or later.")])


class GoalStatusForm(FlaskForm):
    status = SelectField("Status", choices=[SelectChoice(s.value, s.label) for s in GoalStatus])

