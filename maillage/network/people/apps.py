from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "maillage.network.people"
    label = "people"
    verbose_name = "Carnet d’adresses"

    def ready(self):
        from maillage.privacy.registry import register

        register(
            "people.Person",
            fields=("first_name", "last_name", "email", "phone", "notes"),
            email_lookup="email",
            purpose="Carnet d’adresses du pôle : contacts des structures et du réseau",
            retention="Trois ans après le dernier échange, puis purge automatique",
            replacements={"last_name": "Personne effacée", "is_erased": True},
        )
