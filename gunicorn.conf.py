"""gunicorn settings, read from the working directory (`gunicorn wsgi:app` finds this file).

Command-line options override these; so do the environment variables named below.

Threaded workers: a request waiting on PostgreSQL (a query, a commit's flush to disk) no longer
holds its worker idle, so the same processes serve more people. Each thread holds at most one
database connection, so a worker needs a pool of `threads` connections (SQLAlchemy's default
pool of 5 + 10 overflow covers 4); size PostgreSQL's max_connections for
hosts x workers x threads. docs/performance.md has the measurements behind these defaults.
"""
import os

worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Load the app (and the content catalog) once, before forking: workers start at once and share
# the catalog's memory until they write to it. The factory opens no database connection.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() != "false"
