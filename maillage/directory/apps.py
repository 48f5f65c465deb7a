from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "maillage.directory"
    verbose_name = "Annuaire"

    def ready(self):
        from maillage.privacy.registry import declare_not_personal, register

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
