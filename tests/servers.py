"""The PostgreSQL server (and Redis) that tests running real servers create databases on:
where they are, and why a test must skip when they are not there."""
import os

import sqlalchemy as sa

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL",
                                    "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def postgres_missing() -> str | None:
    """Why PostgreSQL cannot be used here, or None when it can."""
    engine = sa.create_engine(POSTGRES_ADMIN_URL)
    try:
        engine.connect().close()
    except Exception as exc:  # noqa: BLE001 - any failure means "not here"
        return f"PostgreSQL not reachable: {exc.__class__.__name__}"
    finally:
        engine.dispose()
    return None


def redis_missing() -> str | None:
    """Why Redis cannot be used here, or None when it can."""
    try:
        import redis
        client = redis.Redis.from_url(REDIS_URL)
        client.ping()
        client.close()
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable: {exc.__class__.__name__}"
    return None
