"""gunicorn in production: `gunicorn -c gunicorn.conf.py`, with
DJANGO_SETTINGS_MODULE=maillage.settings.prod.

The access log goes through `maillage.core.access_log.PrivateAccessLogger`: no query string on any
route (a searched name, an `?email=`), and the secret of personal links (registration, password
reset, data export) masked. The log keeps who asked what page when, not about whom.
Every value can be overridden from the environment (GUNICORN_CMD_ARGS, or the variables below).
"""

import os

wsgi_app = "maillage.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))

logger_class = "maillage.core.access_log.PrivateAccessLogger"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
# The combined format, with the path (%(U)s) where the request line would carry the query string.
access_log_format = '%(h)s - %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
