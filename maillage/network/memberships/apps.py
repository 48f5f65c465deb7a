from django.apps import AppConfig


class MembershipsConfig(AppConfig):
    name = "maillage.network.memberships"
    label = "memberships"
    verbose_name = "Adhésions"

    def ready(self):
        from maillage.accounts.membership_access import register_membership_rule
        from maillage.network.memberships.access import holds_current_membership
        from maillage.network.memberships.retention import current_member_condition
        from maillage.network.people.retention import register_member_rule

        register_member_rule(current_member_condition)
        register_membership_rule(holds_current_membership)
