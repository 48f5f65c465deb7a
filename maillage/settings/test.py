"""Test settings: each line says why it differs from base."""

import os

from maillage.settings.base import *  # noqa: F403
from maillage.settings.base import BASE_DIR, DATABASES, TEMPLATES
from maillage.settings.env import env_str

# Fast hashing: tests create many users; security of test hashes is irrelevant.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A template variable that does not exist is a bug, not an empty string.
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = "INVALID_TEMPLATE_VARIABLE<%s>"
# Uploads in memory, unless a test starts a worker in another process that must read them (it
# sets the variable); plain static storage: tests must not depend on a collectstatic manifest.
STORAGES = {
    "default": {
        "BACKEND": env_str("DEFAULT_STORAGE_BACKEND", "django.core.files.storage.InMemoryStorage")
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Delivered e-mails land in django.core.mail.outbox once the task runs; a worker started by a
# test as another process delivers to files instead (it sets the variable).
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
# Tasks run inline, unless a test starts the real database worker (it sets the variable).
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
        "QUEUES": ["default"],
    }
}
# A test database in a file, not in memory, so that other processes (the task worker, a
# server under concurrent load) can open it. One file per test process, so runs never collide.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
# PostgreSQL empties the tables after a transactional test with DELETE, not TRUNCATE (much faster
# here; tests/postgresql/base.py says why).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "tests.postgresql"
# Each test process journals erasures in its own file, never in a real journal.
ERASURE_JOURNAL_PATH = BASE_DIR / "var" / f"test-erasures-{os.getpid()}.jsonl"
WHITENOISE_AUTOREFRESH = True
# No network from tests: the address API is a local stand-in that a test starts (and passes to
# a worker it runs); by default a closed local port, so an unplanned call fails at once.
BAN_API_URL = env_str("BAN_API_URL", "http://127.0.0.1:9")
BAN_API_TIMEOUT_SECONDS = 2
