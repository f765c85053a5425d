"""The account e-mails: confirm an address, reset a password."""
from flask import url_for

from .. import mail
from ..models import User
from .tokens import Purpose, make


def reset_link(user: User) -> str:
    return url_for("auth.reset_password", token=make(user, Purpose.RESET), _external=True)


def confirm_link(user: User, new_email: str | None = None) -> str:
    return url_for("account.confirm", token=make(user, Purpose.CONFIRM,
                                                 email=new_email or user.email), _external=True)


def send_confirmation(user: User, new_email: str | None = None) -> None:
    """Ask the owner of an address to confirm it: the account's, or the one it changes to."""
    mail.send(new_email or user.email, "Confirm your e-mail address for LearnPM", "confirm",
              user=user, link=confirm_link(user, new_email), changing=new_email is not None)


def send_reset(user: User) -> None:
    mail.send(user.email, "Reset your LearnPM password", "reset", user=user,
              link=reset_link(user))
