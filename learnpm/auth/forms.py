from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..domain.passwords import password_problem

NAME = [DataRequired("Tell us what to call you."), Length(max=100)]
EMAIL = [DataRequired("Enter your email address."),
         Email("Enter an email address like name@example.com."), Length(max=254)]


class RegisterForm(FlaskForm):
    name = StringField("Name", validators=NAME)
    email = EmailField("Email", validators=EMAIL)
    password = PasswordField("Password", validators=[DataRequired("Choose a password.")])
    confirm = PasswordField("Repeat password", validators=[
        DataRequired("Type the password again."),
        EqualTo("password", "The two passwords don't match.")])

    def validate_password(self, field) -> None:
        if problem := password_problem(field.data, email=self.email.data or ""):
            raise ValidationError(problem)


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=EMAIL)
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me signed in on this device")


class ProfileForm(FlaskForm):
    name = StringField("Display name", validators=NAME)
    job_title = StringField("Current job title", validators=[Length(max=120)])
    bio = TextAreaField("Short bio", validators=[Length(max=2000, message=(
        "Keep the bio under 2,000 characters."))],
        description="A few lines about you. Markdown is allowed.")


class ResetRequestForm(FlaskForm):
    email = EmailField("Email", validators=EMAIL)


class NewPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired("Choose a password.")])
    confirm = PasswordField("Repeat the new password", validators=[
        DataRequired("Type the password again."),
        EqualTo("password", "The two passwords don't match.")])

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._email = email

    def validate_password(self, field) -> None:
        if problem := password_problem(field.data, email=self._email):
            raise ValidationError(problem)
