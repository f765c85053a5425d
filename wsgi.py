"""Entry point for gunicorn: `gunicorn wsgi:app` (settings in gunicorn.conf.py)."""
import gc

from learnpm import create_app
from learnpm.store import EXTENSION_KEY

app = create_app()
# Load the content catalog here: with gunicorn's preload_app the master does it once and every
# worker starts with it. gc.freeze() keeps the collector from touching those objects, so the
# workers' copies of the catalog stay shared pages instead of being copied on write.
app.extensions[EXTENSION_KEY].warm()
gc.freeze()
