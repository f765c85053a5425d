from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from ..domain.certification import RenewalRules
from ..models import CertStatus


def not_in_future(message: str):
    def check(form, field) -> None:
        if field.data and field.data > date.today():
            raise ValidationError(message)
    return check


class RecordForm(FlaskForm):
    status = SelectField("Status", choices=[SelectChoice(s.value, s.label) for s in CertStatus])
    exam_date = DateField("Exam date", validators=[Optional()],
                          description="The day you sit the exam, if booked.")
    passed_on = DateField("Passed on", validators=[
        Optional(), not_in_future("A pass date can't be in the future.")])
    cycle_start = DateField("Current renewal cycle started", validators=[Optional()],
                            description="Usually the day you passed; after a renewal, the new "
                                        "cycle's first day.")
    course_done = BooleanField("I have completed the required course")

    def validate_exam_date(self, field) -> None:
        if field.data and self.status.data == CertStatus.EXAM_BOOKED.value \
                and field.data < date.today():
            raise ValidationError("A booked exam must be today or later. If you have sat it, "
                                  "set the status and the pass date instead.")

    def validate_status(self, field) -> None:
        if field.data == CertStatus.EXAM_BOOKED.value and not self.exam_date.data:
            raise ValidationError("Add the exam date for a booked exam.")
        if field.data == CertStatus.CERTIFIED.value and not self.passed_on.data:
            raise ValidationError("Add the date you passed, so renewal can be tracked.")


class ActivityForm(FlaskForm):
    title = StringField("Activity", validators=[DataRequired("Say what you did."),
                                                Length(max=200)],
                        description="e.g. Webinar: risk-based testing (PMI chapter)")
    category = SelectField("Category", validate_choice=True)
    units = DecimalField("Units", places=2, validators=[
        InputRequired("Enter the units earned."),
        NumberRange(0.25, 100, "Enter between 0.25 and 100 units.")])
    activity_date = DateField("Date", validators=[
        DataRequired("Enter the date of the activity."),
        not_in_future("Log activities once they have happened.")])
    notes = TextAreaField("Evidence and notes", validators=[Length(max=2000)],
                          description="Provider, certificate number, what you learned: what "
                                      "an auditor would ask for.")
    # The renewal rules in force, set by the view: they fix the unit step.
    rules: RenewalRules | None = None

    def validate_units(self, field) -> None:
        if self.rules and field.data is not None and not self.rules.accepts(float(field.data)):
            step = self.rules.step
            raise ValidationError(f"Log {self.rules.unit}s in steps of {step:g}, e.g. {step:g}, "
                                  f"{2 * step:g} or {3 * step:g}.")


class EducationForm(FlaskForm):
    title = StringField("Course", validators=[DataRequired("Name the course."), Length(max=200)])
    provider = StringField("Provider", validators=[Length(max=200)])
    hours = DecimalField("Hours", places=2, validators=[
        InputRequired("Enter the contact hours."), NumberRange(0.25, 500, "Enter 0.25 to 500.")])
    completed_on = DateField("Completed on", validators=[
        DataRequired("Enter the date you finished."),
        not_in_future("Log a course once you have finished it.")])


class ExperienceForm(FlaskForm):
    role = StringField("Role", validators=[DataRequired("Name your role."), Length(max=200)])
    organisation = StringField("Organisation", validators=[Length(max=200)])
    started_on = DateField("From", validators=[
        DataRequired("Enter the start date."),
        not_in_future("The start date can't be in the future.")])
    ended_on = DateField("To", validators=[Optional(), not_in_future(
        "The end date can't be in the future; leave it empty if you are still in this role.")],
        description="Leave empty if you are still in this role.")
    description = TextAreaField("What you led", validators=[Length(max=2000)],
                                description="The projects and the part you led: PMI asks for this.")

    def validate_ended_on(self, field) -> None:
        if field.data and self.started_on.data and field.data < self.started_on.data:
            raise ValidationError("The end date is before the start date.")

