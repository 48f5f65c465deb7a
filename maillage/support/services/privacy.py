"""The service offer's personal data, declared to the privacy registry."""

from maillage.privacy.registry import register


def declare_personal_data() -> None:
    # The contact of a service is often a named person, with their own address and number.
    register(
        "services.Service",
        fields=("contact_name", "email", "phone"),
        email_lookup="email",
        purpose="Contact d’un service d’accompagnement proposé par une structure",
        retention="Tant que le service est proposé, puis 1 an après sa fermeture",
        applied_by="purge_closed_services",
    )
    register(
        "services.SummaryRequest",
        fields=("email",),
        email_lookup="email",
        purpose="Envoi, une seule fois, du récapitulatif « par où commencer » demandé",
        retention="Jusqu’à l’envoi du récapitulatif, quelques instants (un jour au plus s’il "
        "n’a pu partir), puis effacement",
        applied_by="purge_closed_services",
    )
