"""Password rules, explained in words a person can act on."""

MIN_LENGTH = 10
# A few of the most-used passwords; length alone already rules out most of the rest.
COMMON = frozenset({
    "password12", "password123", "1234567890", "qwertyuiop", "iloveyou12", "letmein123",
    "welcome123", "projectmanager", "administrator", "passw0rd123", "changeme123",
})


def password_problem(password: str, email: str = "") -> str | None:
    """Return what is wrong with `password`, or None if it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters (a short phrase works well)."
    if len(password) > 200:
        return "Use at most 200 characters."
    if password.lower() in COMMON or len(set(password)) < 4:
        return "That password is too easy to guess. Try a short phrase of your own."
    if email and password.lower() == email.lower():
        return "Don't use your email address as your password."
    return None
