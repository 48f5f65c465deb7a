from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "maillage.directory"
    verbose_name = "Annuaire"

    def ready(self):
        from maillage.directory.stewardship import history
        from maillage.privacy.registry import declare_not_personal, register

        history.connect()

        # An organisation's contact may be a person's own address or number (often a volunteer).
        register(
            "directory.Establishment",
            fields=("email", "phone"),
            email_lookup="email",
            purpose="Coordonnées de contact d’une structure de l’annuaire",
            retention="Tant que la structure figure dans l’annuaire",
        )
        declare_not_personal(
            "directory.Establishment",
            ("street",),
            "Adresse d’établissement publiée au répertoire SIRENE",
        )
        # What a person writes when claiming an organisation: free text, possibly about them.
        register(
            "directory.Claim",
            fields=("role", "message"),
            email_lookup="user__email",
            purpose="Demande de rattachement d’une personne à une structure de l’annuaire",
            retention="Tant que la personne représente la structure, puis 1 an",
        )
        # A proposal may carry the contact e-mail or phone a representative typed.
        register(
            "directory.EditProposal",
            fields=("changes",),
            email_lookup="proposed_by__email",
            purpose="Modifications d’une fiche de l’annuaire proposées par son représentant",
            retention="1 an après la décision de l’équipe",
            replacements={"changes": {}},
        )
