from flask_wtf import FlaskForm
from wtforms import HiddenField


class CompletionForm(FlaskForm):
    """The "Mark as complete" button: a POST with CSRF, so a link can't change progress."""

    done = HiddenField(default="1")
