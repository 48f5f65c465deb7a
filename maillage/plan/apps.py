from django.apps import AppConfig


def plan_cards(user):
    from django.urls import reverse

    from maillage.accounts.space import SpaceCard

    cards = [
        SpaceCard(
            "Notre projet",
            reverse("plan:project"),
            "Relire la vision, les objectifs et les actions du pôle.",
            section="Mon réseau",
        )
    ]
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Le projet dans l’administration",
                reverse("admin:app_list", kwargs={"app_label": "plan"}),
                "Modifier les valeurs, les objectifs, les actions et les publics du projet.",
                section="Gestion du pôle",
            )
        )
    return cards


class PlanConfig(AppConfig):
    name = "maillage.plan"
    verbose_name = "Projet du pôle"

    def ready(self):
        from maillage.accounts.space import register_cards

        register_cards(plan_cards)
