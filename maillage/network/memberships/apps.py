from django.apps import AppConfig


class MembershipsConfig(AppConfig):
    name = "maillage.network.memberships"
    label = "memberships"
    verbose_name = "Adhésions"

    def ready(self):
        from maillage.network.memberships.retention import current_member_condition
        from maillage.network.people.retention import register_member_rule

        register_member_rule(current_member_condition)
