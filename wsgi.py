"""Entry point for gunicorn: `gunicorn wsgi:app`."""
from learnpm import create_app

app = create_app()
