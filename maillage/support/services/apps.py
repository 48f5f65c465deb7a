from django.apps import AppConfig


def service_cards(user):
    from django.urls import reverse

    from maillage.accounts.space import SpaceCard
    from maillage.support.services.representation import represents_a_provider

    cards = []
    if (user.is_member or user.is_partner) and represents_a_provider(user):
        cards.append(
            SpaceCard(
                "Mes services d’accompagnement",
                reverse("services:space_list"),
                "Décrire et tenir à jour les services que votre structure propose aux porteurs "
                "de projet.",
                section="Accompagnement",
            )
        )
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Services à valider",
                reverse("services:validation"),
                "Publier les services proposés par les structures, ou les leur renvoyer.",
                section="Gestion du pôle",
            )
        )
    return cards


class ServicesConfig(AppConfig):
    name = "maillage.support.services"
    label = "services"
    verbose_name = "Offre de services du territoire"

    def ready(self):
        from maillage.accounts.space import register_cards
        from maillage.privacy.registry import register

        register_cards(service_cards)
        # The contact of a service is often a named person, with their own address and number.
        register(
            "services.Service",
            fields=("contact_name", "email", "phone"),
            email_lookup="email",
            purpose="Contact d’un service d’accompagnement proposé par une structure",
            retention="Tant que le service est proposé, puis 1 an après sa fermeture",
        )
        register(
            "services.SummaryRequest",
            fields=("email",),
            email_lookup="email",
            purpose="Envoi, une seule fois, du récapitulatif « par où commencer » demandé",
            retention="Jusqu’à l’envoi du récapitulatif, quelques instants, puis effacement",
        )
