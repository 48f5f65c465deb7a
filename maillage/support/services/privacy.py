"""The service offer's personal data, declared to the privacy registry."""

from maillage.privacy.registry import LegalBasis, register


def declare_personal_data() -> None:
    # The contact of a service is often a named person, with their own address and number.
    register(
        "services.Service",
        fields=("contact_name", "email", "phone"),
        email_lookup="email",
        purpose="Contact d’un service d’accompagnement proposé par une structure",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        recipients="L’équipe du pôle ; le public, sur la fiche du service",
        retention="Tant que le service est proposé, puis 1 an après sa fermeture",
        applied_by="purge_closed_services",
    )
    register(
        "services.SummaryRequest",
        fields=("email",),
        email_lookup="email",
        purpose="Envoi, une seule fois, du récapitulatif « par où commencer » demandé",
        legal_basis=LegalBasis.CONSENT,
        notice="L’adresse n’est enregistrée dans aucun fichier de contacts ni aucune liste "
        "d’envoi, et la file d’envoi des e-mails ne garde que le numéro de la demande. Pour "
        "éviter les abus, les demandes venant d’une même adresse IP sont comptées pendant une "
        "heure, sous la forme d’une empreinte qui ne conserve pas l’adresse elle-même.",
        retention="Jusqu’à l’envoi du récapitulatif, quelques instants (un jour au plus s’il "
        "n’a pu partir), puis effacement",
        applied_by="purge_closed_services",
    )
