from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..models import CommentSubject


class InviteForm(FlaskForm):
    message = TextAreaField("A note to go with the invitation", validators=[Length(max=1000)],
                            description="Optional. The mentee sees it when they open the link.")


class CohortForm(FlaskForm):
    name = StringField("Group name", validators=[DataRequired("Name the group."),
                                                 Length(max=100)])


class MembershipForm(FlaskForm):
    cohort = SelectField("Group", coerce=int, validate_choice=True)
    mentee = SelectField("Mentee", coerce=int, validate_choice=True)


class AssignmentForm(FlaskForm):
    who = SelectField("Assign to", validate_choice=True,
                      description="One mentee, or everyone in a group.")
    what = SelectField("Work", validate_choice=True)
    due_date = DateField("Due", validators=[Optional()])
    note = TextAreaField("Note", validators=[Length(max=2000)],
                         description="Why this, and what to look out for. Markdown is allowed.")

    def validate_due_date(self, field) -> None:
        if field.data and field.data < date.today():
            raise ValidationError("The due date is in the past.")


class CommentForm(FlaskForm):
    subject = HiddenField(validators=[DataRequired()])  # "assessment:12" or "attempt:7"
    body = TextAreaField("Comment", validators=[DataRequired("Write a comment first."),
                                                Length(max=4000)],
                         description="Markdown is allowed.")

    def target(self) -> tuple[CommentSubject | None, int]:
        """(subject, id) named by the hidden field; (None, 0) when it names nothing valid."""
        kind, _, raw_id = (self.subject.data or "").partition(":")
        if kind not in {s.value for s in CommentSubject} or not raw_id.isdigit():
            return None, 0
        return CommentSubject(kind), int(raw_id)
