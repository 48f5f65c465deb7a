from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "maillage.web"
    verbose_name = "Site"
