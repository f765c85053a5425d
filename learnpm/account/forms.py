from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, ValidationError

from ..auth.forms import EMAIL, NewPasswordForm


class OnePageForm(FlaskForm):
    """The account page holds several forms: prefixing each one's fields keeps ids unique."""

    form_name = ""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", self.form_name)
        super().__init__(*args, **kwargs)


class PasswordForm(OnePageForm, NewPasswordForm):
    form_name = "password"
    current = PasswordField("Current password", validators=[
        DataRequired("Enter your current password.")])


class EmailForm(OnePageForm):
    form_name = "email"
    email = EmailField("New e-mail address", validators=EMAIL)
    current = PasswordField("Your password", validators=[DataRequired("Enter your password.")],
                            description="So nobody at an unlocked screen can take over your "
                                        "account.")


class RemindersForm(OnePageForm):
    """One box per reminder kind; the mentors' summary is added for mentors only."""

    form_name = "reminders"
    assignments = BooleanField("Assignments due in two days, and overdue ones")
    reviews = BooleanField("Review cards waiting (at most once a week)")
    exams = BooleanField("My exam, 14 and 3 days before")
    renewals = BooleanField("A renewal deadline, 90 and 30 days before")
    mentor_summary = BooleanField("A weekly summary of which mentees are behind")


class DeleteForm(OnePageForm):
    form_name = "delete"
    current = PasswordField("Your password", validators=[DataRequired("Enter your password.")])
    phrase = StringField("Type DELETE to confirm", validators=[DataRequired(
        "Type DELETE in capitals to confirm.")])

    def validate_phrase(self, field) -> None:
        if field.data.strip() != "DELETE":
            raise ValidationError("Type DELETE in capitals to confirm.")
