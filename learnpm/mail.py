"""Sending e-mail through Flask-Mailman: plain text and HTML, both from templates.

With MAIL_SERVER set, messages go out over SMTP. Without it (the Quick start) they are written
to the log instead, and the admin page says that mail is off, so nothing is silently lost.
"""
import logging

from flask import Flask, current_app, render_template
from flask_mailman import EmailMultiAlternatives
from flask_mailman.backends.base import BaseEmailBackend

from .extensions import mail

log = logging.getLogger("learnpm.mail")


class LogEmailBackend(BaseEmailBackend):
    """Writes each message to the log: for a site with no mail server."""

    def send_messages(self, email_messages):
        for message in email_messages:
            log.warning("Mail is off (no MAIL_SERVER): to %s: %s\n%s", ", ".join(message.to),
                        message.subject, message.body)
        return len(email_messages)


def init_mail(app: Flask) -> None:
    if not app.config.get("MAIL_BACKEND"):
        app.config["MAIL_BACKEND"] = "smtp" if app.config.get("MAIL_SERVER") else \
            "learnpm.mail.LogEmailBackend"
    mail.init_app(app)


def public_request():
    """A request context at the site's public address, so links built outside a request
    (the CLI, the reminder job) lead to the real site."""
    return current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"])


def enabled() -> bool:
    return current_app.config["MAIL_BACKEND"] != "learnpm.mail.LogEmailBackend"


def send(to: str, subject: str, template: str, headers: dict[str, str] | None = None,
         **context: object) -> None:
    """Render `email/<template>.txt` and `.html` and send them as one message."""
    text = render_template(f"email/{template}.txt", **context)
    html = render_template(f"email/{template}.html", subject=subject, **context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers=headers or {})
    message.attach_alternative(html, "text/html")
    message.send()
