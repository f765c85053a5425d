"""Command-line tools: `flask --app learnpm content check`, `users create`, ..."""
import json
import sys
from fnmatch import fnmatch
from pathlib import Path

import click
from flask import Blueprint, current_app

from . import runtime_content
from .admin.services import import_questions
from .auth.emails import reset_link
from .auth.services import normalise_email, user_by_email
from .catalog import load
from .catalog.loader import QuestionSource
from .domain.passwords import password_problem
from .domain.words import plural
from .extensions import db
from .mail import enabled as mail_enabled
from .mail import public_request
from .models import Role, User
from .reminders import send_due

bp = Blueprint("cli", __name__, cli_group=None)


@bp.cli.group()
def content() -> None:
    """Check and list the content files."""


@content.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for machines.")
def content_check(as_json: bool) -> None:
    """Validate every content file, and the question files kept in the database; exit 1 if
    any has a problem."""
    catalog = load(current_app.config["CONTENT_DIR"], _database_sources())
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
                   f"{f' ({banks})' if banks else ''}, {summary['skills']} skills, "
                   f"{summary['roles']} roles, {summary['certifications']} certifications: "
                   f"{plural(len(catalog.errors), 'problem', zero='no')}")
    sys.exit(1 if catalog.errors else 0)


@content.command("quality")
@click.option("--bank", "banks", multiple=True, help="Only this bank (repeatable).")
@click.option("--files", "pattern", help="Only questions from files matching this glob, e.g. "
              "'content/questions/pmp/people-3*' (stems are still compared with every bank).")
def content_quality(banks: tuple[str, ...], pattern: str | None) -> None:
    """Editorial gates per bank, and stems too alike anywhere; exit 1 on any problem."""
    from .catalog import quality  # here, so that web workers never load rapidfuzz (4 MiB)

    catalog = load(current_app.config["CONTENT_DIR"], _database_sources())
    chosen = [q for q in catalog.questions.values()
              if (not banks or q.bank in banks) and (not pattern or fnmatch(q.source, pattern))]
    failed = False
    for exam in catalog.exams.values():
        mine = [q for q in chosen if q.bank == exam.id]
        if not mine:
            continue
        report = quality.bank_quality(exam, mine)
        positions = " ".join(f"{p}:{s:.0%}" for p, s in report.key_positions.items())
        click.echo(f"{exam.id}: {report.size} questions; easy {report.easy_share:.0%}; key "
                   f"longest {report.longest_key_share:.0%}; key positions {positions}; "
                   f"agile/hybrid {report.adaptive_share:.0%}; types "
                   + ", ".join(f"{t} {n}" for t, n in sorted(report.types.items())))
        click.echo("  domains: " + ", ".join(f"{d} {s:.1f}%"
                                            for d, s in report.domain_shares.items()))
        if report.task_counts:
            click.echo("  tasks: " + ", ".join(f"{t} {n}" for t, n in report.task_counts.items()))
        for problem in report.problems:
            click.echo(f"  problem: {problem}")
        failed = failed or bool(report.problems)
    for pair in quality.similar_stems(list(catalog.questions.values()), among=chosen):
        click.echo(f"similar stems ({pair.ratio:.2f}): {pair.first} and {pair.second}")
        failed = True
    sys.exit(1 if failed else 0)


def _database_sources() -> list[QuestionSource]:
    """Question files added at run time, or none when the database is not set up yet."""
    return runtime_content.question_sources() if runtime_content.current_version() is not None \
        else []


@bp.cli.group()
def questions() -> None:
    """Import question banks."""


@questions.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--bank", required=True, help="The bank (exam id) to add the questions to.")
@click.option("--domain", help="The domain to file them under (default: the exam's first).")
@click.option("--replace", is_flag=True, help="Overwrite an earlier import of the same file.")
def questions_import(file: Path, bank: str, domain: str | None, replace: bool) -> None:
    """Import a Moodle GIFT or Aiken file into a bank; unsupported questions are skipped."""
    report = import_questions(file.name, file.read_text(encoding="utf-8", errors="replace"),
                              bank, domain, replace, None)
    for line in report.lines():
        click.echo(line)
    sys.exit(0 if report.ok else 1)


@questions.command("export")
@click.option("--bank", help="Only this bank.")
@click.option("--to", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write (default: the content folder's questions/<bank>/).")
def questions_export(bank: str | None, folder: Path | None) -> None:
    """Write the question files kept in the database as YAML, e.g. to commit them to git."""
    target = folder or Path(current_app.config["CONTENT_DIR"]) / "questions"
    written = 0
    for row in runtime_content.bank_files():
        if bank and row.bank != bank:
            continue
        path = target / row.bank / row.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row.text, encoding="utf-8")
        click.echo(f"wrote {path}")
        written += 1
    click.echo(f"{plural(written, 'question file')} exported. Once they are committed, the "
               "database copies can be removed from the admin page.")


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
    email = normalise_email(email)
    if user_by_email(email):
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
    user = user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account has the email {email}.")
    user.role = Role(role)
    db.session.commit()
    click.echo(f"{user.email} is now {role}.")


@users.command("reset-link")
@click.argument("email")
def users_reset_link(email: str) -> None:
    """Print a one-time password reset link (for a site with no mail set up)."""
    user = user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account has the email {email}.")
    with public_request():
        click.echo(reset_link(user))
    click.echo("It works once, for an hour. Give it to its owner only.", err=True)


@bp.cli.group()
def reminders() -> None:
    """E-mail reminders."""


@reminders.command("send")
@click.option("--limit", type=int, help="Send at most this many (default REMINDERS_PER_RUN).")
def reminders_send(limit: int | None) -> None:
    """Send the reminders due now; safe to run often and on several hosts at once."""
    report = send_due(limit=limit)
    click.echo(f"{plural(report.sent, 'reminder')} sent, {report.skipped} already sent before, "
               f"{report.failed} failed{'; stopped at the limit' if report.stopped_early else ''}"
               f"{'' if mail_enabled() else ' (mail is off: they went to the log)'}.")
    sys.exit(1 if report.failed else 0)
