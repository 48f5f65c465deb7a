from django.apps import AppConfig


def activity_cards(user):
    from django.urls import reverse

    from maillage.accounts.space import SpaceCard

    cards = [
        SpaceCard(
            "L’agenda du réseau",
            reverse("activities:agenda"),
            "Vous inscrire aux formations, aux événements et aux temps d’échange.",
            section="Mon réseau",
        )
    ]
    if user.is_hub_staff:
        cards += [
            SpaceCard(
                "Activités et inscriptions",
                reverse("activities:staff_list"),
                "Suivre les inscriptions, les présences et les publics de chaque activité.",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Bilan des activités",
                reverse("activities:staff_summary"),
                "Compter les activités et les publics touchés sur une période.",
                section="Gestion du pôle",
            ),
        ]
    return cards


class ActivitiesConfig(AppConfig):
    name = "maillage.activities"
    verbose_name = "Activités"

    def ready(self):
        from maillage.accounts.space import register_cards
        from maillage.activities.queries import upcoming_in_commune
        from maillage.observatory.commune_agenda import register_upcoming
        from maillage.privacy.registry import register

        register_cards(activity_cards)
        register_upcoming(upcoming_in_commune)

        register(
            "activities.Registration",
            fields=("name", "email", "organisation"),
            email_lookup="email",
            purpose="Inscription à une activité du pôle (formation, événement, atelier…)",
            retention="Deux ans après l’activité",
            # Erased addresses stay distinct: one activity may hold several erased registrations.
            replacements={"name": "Personne effacée", "email": "efface-{pk}@invalide.invalid"},
        )
        register(
            "activities.SatisfactionAnswer",
            fields=("comment",),
            email_lookup="registration__email",
            purpose="Avis donné après une activité, pour l’améliorer",
            retention="Deux ans après l’activité",
        )
