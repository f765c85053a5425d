"""`flask db ...`: Flask-Migrate's commands, with Alembic imported only when one runs.

Flask-Migrate imports Alembic, about 11 MiB in every process; a web worker never migrates. So
the app registers a stand-in `db` group that configures Flask-Migrate the first time a command
or its help is asked for, and hands over to Flask-Migrate's own group.
"""
import os
from typing import Any

import click
from flask import Flask
from flask.cli import ScriptInfo

MIGRATIONS = os.path.join(os.path.dirname(__file__), "..", "migrations")


def init_migrations(app: Flask) -> None:
    """Configure Flask-Migrate on `app`: what `flask db` and code calling its API need."""
    from flask_migrate import Migrate

    from .extensions import db

    if "migrate" not in app.extensions:
        Migrate(app, db, directory=MIGRATIONS)


class _MigrationCommands(click.Group):
    """Stands in for Flask-Migrate's `db` group in `flask --help`; when `flask db ...` runs,
    the context it makes belongs to the real group, which then parses and runs the rest."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        assert parent is not None  # always a subcommand of `flask`
        init_migrations(parent.ensure_object(ScriptInfo).load_app())
        from flask_migrate.cli import db

        return db.make_context(info_name, args, parent=parent, **extra)


db_commands = _MigrationCommands("db", help="Perform database migrations (Flask-Migrate).")
