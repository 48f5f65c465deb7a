from django.apps import AppConfig


class WorkingGroupsConfig(AppConfig):
    name = "maillage.network.working_groups"
    label = "working_groups"
    verbose_name = "Groupes de travail"
