"""The load benchmark's app servers: the production settings (maillage.settings.prod), except
the static files' storage, which reads no collectstatic manifest. Collecting and compressing
every static file takes minutes on a busy machine, and the benchmark times pages and the API,
never a static file (production serves those from the proxy or WhiteNoise, cached)."""

from maillage.settings.prod import *  # noqa: F403
from maillage.settings.prod import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
