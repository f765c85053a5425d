from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..domain.drawing import Focus
from ..domain.review import NEW_CARD_CHOICES
from ..models import ReportReason

FOCUS_CHOICES = [
    SelectChoice(Focus.UNSEEN_FIRST.value, "Ones I haven't answered yet first"),
    SelectChoice(Focus.MISSED_FIRST.value, "Ones I got wrong first"),
    SelectChoice(Focus.ANY.value, "Any, at random"),
    SelectChoice(Focus.UNSEEN_ONLY.value, "Only ones I haven't answered yet"),
    SelectChoice(Focus.MISSED_ONLY.value, "Only ones I got wrong"),
    SelectChoice(Focus.STARRED_ONLY.value, "Only ones I starred"),
    SelectChoice(Focus.TARGETED.value, "Only new or missed ones"),
]
APPROACHES = [SelectChoice("predictive", "Predictive"), SelectChoice("agile", "Agile"),
              SelectChoice("hybrid", "Hybrid")]
DIFFICULTIES = [SelectChoice("easy", "Easy"), SelectChoice("medium", "Medium"),
                SelectChoice("hard", "Hard")]


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PracticeForm(FlaskForm):
    """The quiz builder: every filter is optional; nothing ticked means everything."""

    domains = CheckboxesField("Domains", description="Leave all unticked to mix every topic.",
                              validate_choice=True)
    tasks = CheckboxesField("Tasks", validate_choice=True,
                            description="Narrow to the tasks you want to work on.")
    approaches = CheckboxesField("Approach", choices=APPROACHES, validate_choice=True)
    difficulties = CheckboxesField("Difficulty", choices=DIFFICULTIES, validate_choice=True)
    count = IntegerField("Number of questions", default=10, validators=[
        InputRequired("Say how many questions you want."),
        NumberRange(1, 50, "Choose between 1 and 50 questions.")])
    focus = SelectField("Which questions", default=Focus.UNSEEN_FIRST.value,
                        choices=FOCUS_CHOICES)


class ExamForm(FlaskForm):
    size = SelectField("Length", coerce=int, validate_choice=True)


class MiniExamForm(FlaskForm):
    """A timed simulation on one domain, at the real exam's pace per question."""

    domain = SelectField("Domain", validate_choice=True)
    size = SelectField("Questions", coerce=int, validate_choice=True,
                       choices=[SelectChoice(n, str(n)) for n in (10, 20, 30)])


class ExamDateForm(FlaskForm):
    exam_date = DateField("Your exam date", validators=[DataRequired("Enter the date.")])

    def validate_exam_date(self, field) -> None:
        if field.data and field.data < date.today():
            raise ValidationError("The exam date has passed. Enter your next one.")


class ReviewSettingsForm(FlaskForm):
    daily_new_cards = SelectField(
        "New cards a day", coerce=int, validate_choice=True,
        choices=[SelectChoice(n, str(n)) for n in NEW_CARD_CHOICES],
        description="Missed questions enter the queue at most this many a day; cards you "
                    "have started reviewing always come back when due.")


class ReportForm(FlaskForm):
    reason = RadioField("What is wrong?", validate_choice=True,
                        choices=[SelectChoice(r.value, r.label) for r in ReportReason],
                        validators=[InputRequired("Choose what is wrong.")])
    note = TextAreaField("Details", validators=[Length(max=2000)],
                         description="Optional: what you think the answer should be, and why.")


class JournalForm(FlaskForm):
    note = TextAreaField("Why did you choose your answer?", validators=[
        DataRequired("Write a line about your reasoning first."), Length(max=2000)],
        description="A line for yourself: what you thought, and what to remember next time.")
