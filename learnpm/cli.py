"""Command-line tools: `flask --app learnpm content check`, `users create`, ..."""
import json
import sys

import click
from flask import Blueprint, current_app
from sqlalchemy import func, select

from .catalog import load
from .domain.passwords import password_problem
from .extensions import db
from .models import Role, User

bp = Blueprint("cli", __name__, cli_group=None)


@bp.cli.group()
def content() -> None:
    """Check and list the content files."""


@content.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for machines.")
def content_check(as_json: bool) -> None:
    """Validate every content file; exit 1 if any has a problem."""
    catalog = load(current_app.config["CONTENT_DIR"])
    summary = catalog.summary()
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    else:
        for error in catalog.errors:
            click.echo(str(error))
        questions = sum(summary["questions"].values())
        banks = ", ".join(f"{bank} {n}" for bank, n in summary["questions"].items())
        click.echo(f"{summary['modules']} modules, {summary['paths']} paths, "
                   f"{summary['exams']} exams, {questions} questions"
                   f"{f' ({banks})' if banks else ''}: "
                   f"{len(catalog.errors) or 'no'} problem{'' if len(catalog.errors) == 1 else 's'}")
    sys.exit(1 if catalog.errors else 0)


@bp.cli.group()
def users() -> None:
    """Manage user accounts."""


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="Display name.")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.LEARNER.value)
@click.password_option(help="Prompted for when not given.")
def users_create(email: str, name: str, role: str, password: str) -> None:
    """Create an account, e.g. the first admin."""
    if problem := password_problem(password, email=email):
        raise click.BadParameter(problem, param_hint="--password")
    email = email.strip().lower()
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise click.ClickException(f"An account with {email} already exists.")
    user = User(email=email, name=name, role=Role(role))
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {role} {email}.")


@users.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice([r.value for r in Role]))
def users_set_role(email: str, role: str) -> None:
    """Change an account's role."""
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account has the email {email}.")
    user.role = Role(role)
    db.session.commit()
    click.echo(f"{user.email} is now {role}.")
