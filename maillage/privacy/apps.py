from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "maillage.privacy"
    verbose_name = "Données personnelles"

    def ready(self):
        from maillage.privacy import declarations  # noqa: F401  (Django's own apps)
        from maillage.privacy.registry import discover_declarations

        discover_declarations()
