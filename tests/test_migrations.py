"""Migrations build the schema the models describe, from empty and from every earlier revision.

Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL points at one.
"""
import os
import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from learnpm import create_app
from learnpm.db_commands import init_migrations
from learnpm.extensions import db
from tests.conftest import SERVER_DATABASE, VALID_CONTENT


def migration_app(tmp_path):
    app = create_app({
        "TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(VALID_CONTENT),
        "SQLALCHEMY_DATABASE_URI": SERVER_DATABASE or f"sqlite:///{tmp_path / 'm.sqlite'}",
    })
    init_migrations(app)
    return app


@pytest.fixture(autouse=True)
def leave_the_database_empty(tmp_path):
    """A server database is shared with the rest of the suite (and the next run)."""
    yield
    app = migration_app(tmp_path)
    with app.app_context():
        empty(app)
        db.engine.dispose()


def revisions(app) -> list[str]:
    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def empty(app) -> None:
    db.drop_all()
    db.session.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    db.session.commit()
    strangers = sa.inspect(db.engine).get_table_names()
    assert not strangers, (f"the test database holds tables LearnPM does not define: "
                           f"{strangers}; point TEST_DATABASE_URL at an empty database")


def drift(app) -> list:
    with db.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), db.metadata)


def test_upgrade_from_empty_matches_the_models_and_downgrades(tmp_path):
    app = migration_app(tmp_path)
    with app.app_context():
        empty(app)
        upgrade()
        tables = set(sa.inspect(db.engine).get_table_names())
        assert {"user", "module_progress", "attempt", "assignment", "alembic_version"} <= tables
        assert drift(app) == [], "models and migrations differ: run flask db migrate"
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_every_earlier_revision_upgrades_to_head(tmp_path):
    app = migration_app(tmp_path)
    chain = revisions(app)
    with app.app_context():
        for revision in chain[:-1]:
            empty(app)
            upgrade(revision=revision)
            upgrade()
            assert drift(app) == [], f"upgrading from {revision} leaves the schema different"
        db.engine.dispose()


def test_the_revision_chain_is_linear(tmp_path):
    app = migration_app(tmp_path)
    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
        assert len(script.get_heads()) == 1
    assert len(revisions(app)) >= 4


def test_existing_rows_are_carried_over(tmp_path):
    """Rows written before a revision get sensible values: grading falls back, item tasks
    come out of their snapshots, reviewed cards count as introduced, each account gets its
    own session token."""
    app = migration_app(tmp_path)
    with app.app_context():
        empty(app)
        upgrade(revision="cc839682fe30")  # before grading, tasks and the new-card cap
        run = db.session.execute
        run(sa.text("INSERT INTO \"user\" (id, email, name, password_hash, role, job_title, bio,"
                    " active, created_at) VALUES (1, 'a@example.com', 'A', 'x', 'learner', '',"
                    " '', true, CURRENT_TIMESTAMP)"))
        run(sa.text("INSERT INTO attempt (id, user_id, bank, mode, status, started_at,"
                    " current_section, break_after, break_minutes, requested_count,"
                    " question_count, notes) VALUES (1, 1, 'demo', 'practice', 'in_progress',"
                    " CURRENT_TIMESTAMP, 1, '[]', 0, 1, 1, '[]')"))
        run(sa.text("INSERT INTO attempt_item (attempt_id, position, question_id,"
                    " question_version, domain, snapshot, \"order\", flagged) VALUES (1, 1,"
                    " 'demo-001', 'v1', 'people', :snap, '[]', false)"),
            {"snap": '{"type": "single", "stem": "s", "task": "people-1"}'})
        run(sa.text("INSERT INTO review_card (user_id, question_id, bank, card, due, reviews,"
                    " lapses, updated_at) VALUES (1, 'demo-001', 'demo', '{}', CURRENT_TIMESTAMP,"
                    " 2, 0, CURRENT_TIMESTAMP)"))
        db.session.commit()
        upgrade()
        assert run(sa.text("SELECT task FROM attempt_item")).scalar() == "people-1"
        assert run(sa.text("SELECT bands, domain_order FROM attempt")).one() in (
            ("[]", "[]"), ([], []))
        assert run(sa.text("SELECT first_reviewed_at FROM review_card")).scalar() is not None
        token, confirmed = run(sa.text(
            'SELECT session_token, email_confirmed_at FROM "user"')).one()
        assert len(token) >= 20 and confirmed is None
        db.session.remove()
        db.engine.dispose()


def test_flask_db_commands_run_through_the_stand_in_group(tmp_path):
    """`flask db ...` reaches Flask-Migrate's commands and their group options (-d)."""
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(VALID_CONTENT),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'cli.sqlite'}"})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with app.app_context():
        assert "alembic_version" in sa.inspect(db.engine).get_table_names()
    assert runner.invoke(args=["db", "-d", "migrations", "current"]).exit_code == 0
    assert runner.invoke(args=["db", "-d", str(tmp_path / "none"), "current"]).exit_code != 0
    assert "upgrade" in runner.invoke(args=["db", "--help"]).output


def test_a_web_worker_loads_no_migration_or_editor_only_library():
    """Alembic, rapidfuzz and icalendar (about 18 MiB in all) load only when a command, the
    quality report or a calendar download needs them."""
    probe = ("import sys; from learnpm import create_app; create_app(); "
             "print(sorted({'alembic', 'flask_migrate', 'rapidfuzz', 'icalendar'} "
             "& set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={**os.environ, "SECRET_KEY": "x",
                                           "LEARNPM_CONTENT_DIR": str(VALID_CONTENT)})
    assert done.stdout.strip() == "[]"
