from django.apps import AppConfig


def membership_cards(user):
    from django.urls import reverse

    from maillage.accounts.space import SpaceCard

    if user.is_hub_staff:
        return [
            SpaceCard(
                "Adhésions",
                reverse("memberships:list"),
                "Enregistrer les adhésions et les paiements, émettre les reçus, compter par année.",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Campagne de renouvellement",
                reverse("memberships:renewal"),
                "Voir qui n’a pas encore renouvelé et le relancer par e-mail.",
                section="Gestion du pôle",
            ),
        ]
    if user.is_member:
        return [
            SpaceCard(
                "Mon adhésion",
                reverse("memberships:mine"),
                "Le statut de l’adhésion de votre structure et ses reçus de cotisation.",
                section="Mon espace",
            )
        ]
    return []


class MembershipsConfig(AppConfig):
    name = "maillage.network.memberships"
    label = "memberships"
    verbose_name = "Adhésions"

    def ready(self):
        from maillage.accounts.space import register_cards
        from maillage.network.memberships.privacy import declare_personal_data
        from maillage.network.memberships.retention import current_member_condition
        from maillage.network.people.retention import register_member_rule

        register_cards(membership_cards)
        declare_personal_data()
        register_member_rule(current_member_condition)
