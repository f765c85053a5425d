"""Migrations build the schema the models describe, from empty and from every earlier revision.

Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL points at one.
"""
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from learnpm import create_app
from learnpm.extensions import db
from tests.conftest import SERVER_DATABASE, VALID_CONTENT


def migration_app(tmp_path):
    return create_app({
        "TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(VALID_CONTENT),
        "SQLALCHEMY_DATABASE_URI": SERVER_DATABASE or f"sqlite:///{tmp_path / 'm.sqlite'}",
    })


def revisions(app) -> list[str]:
    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def empty(app) -> None:
    db.drop_all()
    db.session.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    db.session.commit()


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
