import pytest

from learnpm.domain.passwords import password_problem


@pytest.mark.parametrize("password, fragment", [
    ("short", "at least 10"),
    ("password123", "too easy"),
    ("aaaaaaaaaaaa", "too easy"),
    ("x" * 201, "at most 200"),
])
def test_weak_passwords_are_explained(password, fragment):
    assert fragment in password_problem(password)


def test_email_as_password_is_refused():
    assert "email" in password_problem("priya@example.com", email="Priya@example.com")


def test_a_phrase_is_fine():
    assert password_problem("river stone lantern") is None
