from django.apps import AppConfig


def decision_cards(user):
    from django.urls import reverse

    from maillage.accounts.space import SpaceCard
    from maillage.network.decisions.queries import awaiting_voice_of

    cards = []
    if user.is_member:
        waiting = len(awaiting_voice_of(user))
        if waiting:
            description = (
                f"{waiting} proposition{'s' if waiting > 1 else ''} "
                f"attend{'ent' if waiting > 1 else ''} votre voix."
            )
        else:
            description = "Aucune proposition n’attend votre voix : relire les décisions prises."
        cards.append(
            SpaceCard(
                "Décisions en cours",
                reverse("decisions:list"),
                description,
                section="Mon réseau",
            )
        )
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Décisions",
                reverse("decisions:list"),
                "Préparer, ouvrir et clore les propositions soumises aux adhérents et aux groupes.",
                section="Gestion du pôle",
            )
        )
    return cards


class DecisionsConfig(AppConfig):
    name = "maillage.network.decisions"
    label = "decisions"
    verbose_name = "Décisions"

    def ready(self):
        from maillage.accounts.space import register_cards
        from maillage.network.decisions.privacy import declare_personal_data

        register_cards(decision_cards)
        declare_personal_data()
