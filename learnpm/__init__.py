"""LearnPM: a self-hostable learning platform for IT project managers."""
import os

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import Config, apply_environment, ensure_secret_key


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(Config)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        apply_environment(app.config)
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config["SQLALCHEMY_DATABASE_URI"] = (
        app.config["SQLALCHEMY_DATABASE_URI"]
        or f"sqlite:///{os.path.join(app.instance_path, 'learnpm.sqlite')}")
    ensure_secret_key(app)
    if proxies := int(app.config["PROXY_COUNT"]):
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]  # Flask's documented way
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    register_extensions(app)
    register_blueprints(app)
    from . import errors, http_cache, security, templating
    errors.register(app)
    http_cache.register(app)
    security.register(app)
    templating.register(app)
    return app


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401 - registers the tables with SQLAlchemy
    from .auth.services import setup_login
    from .database import tune_engines
    from .db_commands import db_commands
    from .extensions import csrf, db, limiter, login_manager
    from .mail import init_mail
    from .store import init_store

    db.init_app(app)
    tune_engines(app)
    app.cli.add_command(db_commands)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    setup_login(login_manager)
    init_mail(app)
    init_store(app)


def register_blueprints(app: Flask) -> None:
    from . import account, admin, auth, career, certs, cli, learn, main, mentor, quiz, skills

    for blueprint in (main.bp, auth.bp, account.bp, learn.bp, quiz.bp, skills.bp, career.bp,
                      certs.bp, mentor.bp, admin.bp, cli.bp):
        app.register_blueprint(blueprint)
