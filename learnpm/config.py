"""Configuration in three layers: these defaults, instance/config.py, then the environment."""
import os
import secrets
from collections.abc import Callable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Config:
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None  # default: SQLite in the instance folder
    CONTENT_DIR = str(PROJECT_ROOT / "content")
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute; 50 per hour"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # a form left open over lunch must still submit
    # A pooled connection is checked before use (learnpm/database.py, no round trip), so a
    # restarted database server is survived.
    PROXY_COUNT = 0  # reverse proxies in front of the app whose X-Forwarded-* headers to trust
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024  # the whole request; a bigger upload gets a 413 page
    IMPORT_MAX_BYTES = 1024 * 1024
    # How often a worker asks the database whether content changed at run time (an import,
    # a retired question, a reload): the longest another worker can lag behind.
    CONTENT_CHECK_SECONDS = 2.0
    # Where people reach the site: links in e-mails and in `flask users reset-link` start here.
    PUBLIC_URL = "http://127.0.0.1:5000"
    MAIL_DEFAULT_SENDER = "LearnPM <learnpm@localhost>"
    MAIL_TIMEOUT = 10
    REMINDERS_PER_RUN = 500  # a run stops after this many; the next run carries on


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


# SMTP settings read from the plain environment variables the deployment guide documents.
MAIL_SETTINGS: dict[str, Callable[[str], object]] = {
    "MAIL_SERVER": str, "MAIL_PORT": int, "MAIL_USERNAME": str, "MAIL_PASSWORD": str,
    "MAIL_USE_TLS": _flag, "MAIL_USE_SSL": _flag, "MAIL_DEFAULT_SENDER": str}


def apply_environment(config) -> None:
    """Read the plain variables the deployment guide documents, then any LEARNPM_* ones."""
    if url := os.environ.get("DATABASE_URL"):
        # Heroku-style URLs say postgres://; SQLAlchemy wants a driver name.
        url = url.replace("postgres://", "postgresql+psycopg://", 1)
        config["SQLALCHEMY_DATABASE_URI"] = url.replace(
            "postgresql://", "postgresql+psycopg://", 1)
    if key := os.environ.get("SECRET_KEY"):
        config["SECRET_KEY"] = key
    if redis_url := os.environ.get("REDIS_URL"):
        config["RATELIMIT_STORAGE_URI"] = redis_url
    for name, kind in MAIL_SETTINGS.items():
        if (value := os.environ.get(name)) is not None:
            config[name] = kind(value)
    config.from_prefixed_env("LEARNPM")
    if config.get("PRODUCTION") or uses_database_server(config.get("SQLALCHEMY_DATABASE_URI")
                                                        or "sqlite"):
        # Behind HTTPS in production: cookies only travel encrypted (override with
        # LEARNPM_SESSION_COOKIE_SECURE=false for a plain-HTTP test install).
        for name in ("SESSION_COOKIE_SECURE", "REMEMBER_COOKIE_SECURE"):
            if f"LEARNPM_{name}" not in os.environ:
                config[name] = True


def uses_database_server(uri: str) -> bool:
    return not uri.startswith("sqlite")


def ensure_secret_key(app) -> None:
    """Without SECRET_KEY, keep a random one in the instance folder (never committed).

    Several servers sharing a database must share one key, so there a missing
    SECRET_KEY is a configuration error rather than something to paper over.
    """
    if app.config.get("SECRET_KEY"):
        return
    if uses_database_server(app.config["SQLALCHEMY_DATABASE_URI"]):
        raise RuntimeError(
            "SECRET_KEY is not set. With a database server in DATABASE_URL, every app server "
            "must share one secret key: set SECRET_KEY in the environment (see docs/deploy.md).")
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    app.config["SECRET_KEY"] = key_file.read_text().strip()
