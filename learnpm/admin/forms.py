from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, RadioField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length


class ImportForm(FlaskForm):
    file = FileField("Question file",
                     description="Moodle GIFT (.gift, .txt) or Aiken (.aiken, .txt), up to 1 MB.",
                     validators=[FileRequired("Choose a file to import."),
                                 FileAllowed(["gift", "txt", "aiken"],
                                             "Upload a .gift, .aiken or .txt file.")])
    target = SelectField("Bank and domain", validate_choice=True)
    replace = BooleanField("Replace an earlier import of a file with the same name")


class UserForm(FlaskForm):
    role = SelectField("Role", validate_choice=True)
    active = BooleanField("Account active")



class ResolveForm(FlaskForm):
    action = RadioField("Outcome", validate_choice=True, validators=[InputRequired()], choices=[
        SelectChoice("fixed", "Fixed in the content (the edit is deployed or on its way)"),
        SelectChoice("dismissed", "Nothing to change"),
        SelectChoice("retired", "Retire the question: never draw it again")])
    response = TextAreaField("What was done", validators=[Length(max=2000)])
