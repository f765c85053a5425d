"""Migrations build the schema the models describe, from an empty database."""
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from learnpm import create_app
from learnpm.extensions import db
from tests.conftest import SERVER_DATABASE, VALID_CONTENT


def migration_app(tmp_path):
    return create_app({
        "TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(VALID_CONTENT),
        "SQLALCHEMY_DATABASE_URI": SERVER_DATABASE or f"sqlite:///{tmp_path / 'm.sqlite'}",
    })


def test_upgrade_from_empty_matches_the_models_and_downgrades(tmp_path):
    app = migration_app(tmp_path)
    with app.app_context():
        db.drop_all()
        db.session.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        upgrade()
        tables = set(sa.inspect(db.engine).get_table_names())
        assert {"user", "module_progress", "alembic_version"} <= tables
        with db.engine.connect() as connection:
            drift = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert drift == [], "models and migrations differ: run flask db migrate"
    with app.app_context():
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()
