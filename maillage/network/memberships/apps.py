from django.apps import AppConfig


class MembershipsConfig(AppConfig):
    name = "maillage.network.memberships"
    label = "memberships"
    verbose_name = "Adhésions"
