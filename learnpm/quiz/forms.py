from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectChoice, SelectField, SelectMultipleField
from wtforms.validators import InputRequired, NumberRange
from wtforms.widgets import CheckboxInput, ListWidget


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PracticeForm(FlaskForm):
    domains = CheckboxesField("Topics", description="Leave all unticked to mix every topic.",
                              validate_choice=True)
    count = IntegerField("Number of questions", default=10, validators=[
        InputRequired("Say how many questions you want."),
        NumberRange(1, 50, "Choose between 1 and 50 questions.")])
    focus = SelectField("Which questions", default="unseen", choices=[
        SelectChoice("unseen", "Ones I haven't answered yet first"),
        SelectChoice("missed", "Ones I got wrong first"),
        SelectChoice("any", "Any, at random")])


class ExamForm(FlaskForm):
    size = SelectField("Length", coerce=int, validate_choice=True)

