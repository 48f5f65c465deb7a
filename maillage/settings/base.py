"""Settings shared by every deployment; each value can be set from the environment.

`.env.example` documents the variables. Defaults suit a local run on SQLite.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from maillage.hub import load_hub
from maillage.settings.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-local-only-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Public address of the site, for links in e-mails, calendar feeds and structured data.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # The ground
    "maillage.core",
    "maillage.accounts",
    "maillage.privacy",
    "maillage.territory",
    "maillage.plan",
    # Organisations, and what the observatory reads of them
    "maillage.directory",
    "maillage.observatory",
    # The hub's work
    "maillage.activities",
    "maillage.network.people",
    "maillage.network.memberships",
    "maillage.network.working_groups",
    "maillage.network.decisions",
    "maillage.support.services",
    "maillage.support.journeys",
    "maillage.needs",
    # Reports that read many apps: indicators and targets, the yearly activity report
    "maillage.reports.indicators",
    "maillage.reports.annual",
    # The yearly report's files (PDF, ODT, DOCX, CSV annexes), written by the task worker
    "maillage.reports.report_files",
    # What the hub shows of its year: funding and mandates
    "maillage.reports.funding",
    # Layout and home page
    "maillage.web",
    # Backups and restores of the whole platform
    "maillage.backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and JSON compressed (static files come compressed from WhiteNoise, above). Against
    # BREACH, Django masks the CSRF token anew on each response and this middleware pads each
    # compressed body with random bytes (« Heal the BREACH », Django ≥ 4.2).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so that it sees the page as the view made it: French spaces in the text.
    "maillage.web.typography.FrenchTypographyMiddleware",
]

ROOT_URLCONF = "maillage.urls"
WSGI_APPLICATION = "maillage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "maillage.web.context_processors.hub",
            ],
            # `date` and `pluralize` follow French usage: « 1er janvier », « 0 ligne rejetée ».
            "builtins": ["maillage.web.templatetags.french"],
        },
    }
]

# SQLite by default (WAL, immediate transactions so concurrent writers queue instead of failing,
# for up to 20 s: a burst of registrations on a loaded machine waits rather than errs);
# PostgreSQL when DATABASE_URL says so.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["maillage.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "space:home"
STAFF_LOGIN_REDIRECT_URL = "web:staff_home"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Failed logins allowed per account (and per address) in the window before a lockout.
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
# Where the visitor's address comes from (lockout, rate limits): REMOTE_ADDR unless the reverse
# proxies in front set this header, each appending its peer (see maillage/core/client_address.py).
TRUSTED_PROXY_HEADER = env_str("TRUSTED_PROXY_HEADER", "")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 1 or more.")

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
# Filled by collectstatic; in production the reverse proxy serves it (deploy/Caddyfile).
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Front-end packages come from npm (package.json) and are served from node_modules.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Private files, served only after a permission check: never under MEDIA_ROOT nor a web server.
WORKING_GROUP_DOCUMENTS_ROOT = Path(
    env_str("WORKING_GROUP_DOCUMENTS_ROOT", str(BASE_DIR / "var" / "documents"))
)
SUPPORT_DOCUMENTS_ROOT = Path(
    env_str("SUPPORT_DOCUMENTS_ROOT", str(BASE_DIR / "var" / "accompagnement"))
)
# Files of the frozen versions of the yearly report; written again identical from the version.
REPORT_FILES_ROOT = Path(env_str("REPORT_FILES_ROOT", str(BASE_DIR / "var" / "rapports")))
# Funders' logos uploaded by staff (shown in the activity report's annexes).
FUNDER_LOGOS_ROOT = Path(env_str("FUNDER_LOGOS_ROOT", str(BASE_DIR / "var" / "financeurs")))
# Directory exports too large for a request, written by the task worker for staff.
DIRECTORY_EXPORTS_ROOT = Path(
    env_str("DIRECTORY_EXPORTS_ROOT", str(BASE_DIR / "var" / "exports-annuaire"))
)
# Prepared SIRENE vintages of the observatory (`manage.py prepare_vintage`): a folder per
# vintage, about a third of the stock's size; snapshots read them instead of the stock.
OBSERVATORY_VINTAGES_DIR = Path(
    env_str("OBSERVATORY_VINTAGES_DIR", str(BASE_DIR / "var" / "millesimes"))
)
# Backups (`manage.py backup`), and the erasure journal kept beside them so that a restore
# repeats the erasures made after the backup even when the database itself was lost.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "var" / "sauvegardes")))
ERASURE_JOURNAL_PATH = Path(
    env_str("ERASURE_JOURNAL_PATH", str(BACKUP_DIR / "journal-des-effacements.jsonl"))
)

# E-mails are queued as tasks; the worker hands them to EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "maillage.mail.RefusingEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Limits on reading an uploaded or imported file (maillage/core/reading.py): past one, the file
# is refused with a French message before memory grows. SIRENE's national stock is about 40
# million rows and 8 GB once decompressed; a contacts sheet or a map export is far smaller.
READING_MAX_DECOMPRESSED_BYTES = env_int("READING_MAX_DECOMPRESSED_BYTES", 16 * 1024**3)
READING_MAX_ROWS = env_int("READING_MAX_ROWS", 60_000_000)
READING_MAX_LINE_BYTES = env_int("READING_MAX_LINE_BYTES", 1024**2)
READING_MAX_CELLS_PER_ROW = env_int("READING_MAX_CELLS_PER_ROW", 500)
READING_MAX_JSON_DEPTH = env_int("READING_MAX_JSON_DEPTH", 64)
READING_MAX_JSON_BYTES = env_int("READING_MAX_JSON_BYTES", 64 * 1024**2)
READING_MAX_XLSX_BYTES = env_int("READING_MAX_XLSX_BYTES", 64 * 1024**2)

# Rows an import commits together with its progress: a stopped import resumes after the last.
IMPORT_BATCH_ROWS = env_int("IMPORT_BATCH_ROWS", 500)

# Directory entries not confirmed for this long are flagged, their representatives reminded.
DIRECTORY_CONFIRMATION_MAX_AGE_DAYS = env_int("DIRECTORY_CONFIRMATION_MAX_AGE_DAYS", 365)
# Contacts of the address book with no exchange for this long are anonymised by the retention job.
CONTACT_RETENTION_DAYS = env_int("CONTACT_RETENTION_DAYS", 3 * 365)
# Support cases closed this long ago are anonymised by the retention job (figures kept).
SUPPORT_CASE_RETENTION_DAYS = env_int("SUPPORT_CASE_RETENTION_DAYS", 5 * 365)
# People's memberships are anonymised this many years after their year (figures kept).
MEMBERSHIP_RETENTION_YEARS = env_int("MEMBERSHIP_RETENTION_YEARS", 10)
# Last year's membership still opens members-only pages this many days into the new year.
MEMBERSHIP_GRACE_DAYS = env_int("MEMBERSHIP_GRACE_DAYS", 60)
# Join requests from the « Devenir adhérent » page are deleted this long after they came.
JOIN_REQUEST_RETENTION_DAYS = env_int("JOIN_REQUEST_RETENTION_DAYS", 365)
# Registrations and satisfaction answers are anonymised this long after their activity ended.
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 2 * 365)
# Reports of directory imports (with their rejected lines and uploaded files) are kept this long.
IMPORT_REPORT_RETENTION_DAYS = env_int("IMPORT_REPORT_RETENTION_DAYS", 365)

# The hub this instance serves: identity, territory and plan live in this folder's data files.
HUB_DIR = Path(env_str("HUB_DIR", str(BASE_DIR / "hubs" / "pays-de-redon")))
# The hub's own files (logo…) are served under /static/hub/.
STATICFILES_DIRS.append(("hub", HUB_DIR / "static"))
# E-mails come from the hub's address (its hub.toml) unless the deployment names another sender.
DEFAULT_FROM_EMAIL = (
    env_str("DEFAULT_FROM_EMAIL", "") or load_hub(HUB_DIR).identity.sender or "webmaster@localhost"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Tile server for maps (an OpenStreetMap-style raster URL with {z}/{x}/{y}, {s} for subdomains);
# empty means commune outlines only (works with no network). Its origin is allowed by the CSP of
# the map pages only (core/map_tiles.py); the attribution is shown on every map.
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")

# The ODT template the reports are filled into (styles restyled by the hub in LibreOffice, from the
# file `manage.py document_template` writes); empty means the built-in one.
DOCUMENT_ODT_TEMPLATE = env_str("DOCUMENT_ODT_TEMPLATE", "")

# Geocoding through the API of the Base Adresse Nationale (its /search/ and /search/csv/
# endpoints), run by the task worker; address completion on forms goes through the same API.
BAN_API_URL = env_str("BAN_API_URL", "https://data.geopf.fr/geocodage")
BAN_API_TIMEOUT_SECONDS = env_int("BAN_API_TIMEOUT_SECONDS", 30)
GEOCODING_BATCH_SIZE = env_int("GEOCODING_BATCH_SIZE", 1000)
# Below this score (0 to 100), a geocoded address waits for staff to confirm it.
GEOCODING_MIN_SCORE_PERCENT = env_int("GEOCODING_MIN_SCORE_PERCENT", 70)

# The health page (/sante/) fails when the scheduler has not passed for this long (it passes every
# minute), or when a task ready to run has waited this long for the worker.
HEALTH_SCHEDULER_MAX_SILENCE_SECONDS = env_int("HEALTH_SCHEDULER_MAX_SILENCE_SECONDS", 5 * 60)
HEALTH_QUEUE_MAX_WAIT_SECONDS = env_int("HEALTH_QUEUE_MAX_WAIT_SECONDS", 30 * 60)
# A task worker beats every WORKER_BEAT_SECONDS while it lives; the scheduler puts back in the
# queue the tasks of a worker silent for WORKER_LEASE_SECONDS (core/worker_leases.py).
WORKER_BEAT_SECONDS = env_int("WORKER_BEAT_SECONDS", 15)
WORKER_LEASE_SECONDS = env_int("WORKER_LEASE_SECONDS", 120)
# The scheduler's pass (enqueue due jobs, beat, requeue a dead worker's tasks) comes back every
# SCHEDULER_INTERVAL_SECONDS (`run_scheduler --interval` overrides it).
SCHEDULER_INTERVAL_SECONDS = env_int("SCHEDULER_INTERVAL_SECONDS", 60)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint tells each step of every PDF at INFO: the worker's log keeps its warnings only.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
