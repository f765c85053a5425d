"""Friendly HTML error pages."""
from flask import render_template

MESSAGES = {
    400: ("Something in that request was not right", "Go back and try again."),
    403: ("You can't open this page", "It belongs to another account or needs another role."),
    404: ("We can't find that page", "It may have moved. The library is a good place to start."),
    405: ("That action isn't available here", "Go back and use the page's buttons."),
    413: ("That file is too large", "Upload a smaller file."),
    429: ("Too many attempts", "Wait a minute, then try again."),
    500: ("Something went wrong on our side", "It has been logged. Please try again shortly."),
}


def register(app) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, _handler(code))


def _handler(code: int):
    def handle(error):
        title, hint = MESSAGES[code]
        return render_template("errors/error.html", code=code, title=title, hint=hint), code
    return handle
