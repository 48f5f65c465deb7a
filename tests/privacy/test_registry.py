import re

import pytest
from django.apps import apps
from django.core.management import call_command

from maillage.privacy.registry import declaration_for, declared, exemptions, is_declared
from maillage.privacy.subject_rights import erase_person, export_person
from tests.factories import UserFactory

# Field names that hold personal data wherever they appear.
PERSONAL_NAME = re.compile(
    r"(^|_)(email|e_mail|phone|telephone|mobile|first_name|last_name|full_name|birth|"
    r"ip_address|street|home_address)($|_)"
)


def test_every_field_that_looks_personal_is_in_the_registry():
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label not in {"admin", "auth", "contenttypes", "sessions"}
        and not model._meta.label.startswith("django_tasks")
        for field in model._meta.concrete_fields
        if PERSONAL_NAME.search(field.name) and not is_declared(model._meta.label, field.name)
    ]
    assert missing == [], "Declare these in the personal-data registry: " + ", ".join(missing)


def _points_to_a_person(field) -> bool:
    from django.contrib.auth import get_user_model

    from maillage.network.people.models import Person

    return (
        field.is_relation
        and not field.auto_created
        and (field.concrete or field.many_to_many)
        and field.related_model in {Person, get_user_model()}
    )


def test_every_model_pointing_to_a_person_or_an_account_is_declared_or_exempted():
    declared_models = {entry.model_label for entry in declared()}
    missing = sorted(
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if _points_to_a_person(field)
        and model._meta.label not in declared_models
        and model._meta.label not in exemptions()
    )
    assert missing == [], (
        "These rows are tied to a person but missing from their export and erasure: declare "
        "them in the personal-data registry, or exempt their model with the reason: "
        + ", ".join(missing)
    )


def test_declarations_and_exemptions_name_real_models_and_fields_once():
    exempted = exemptions()
    for entry in declared():
        assert entry.model_label not in exempted, entry.model_label
        names = {*entry.fields, *entry.export_fields}
        fields = {name: entry.model._meta.get_field(name) for name in names}
        labels = [str(fields[name].verbose_name) for name in entry.export_fields]
        assert len(set(labels)) == len(labels), f"{entry.model_label}: two fields, one label"
    for label, reason in exempted.items():
        assert apps.get_model(label), label
        assert reason, label


@pytest.mark.django_db
def test_export_holds_what_the_platform_knows_of_the_person():
    UserFactory(email="camille.martin@exemple.org", full_name="Camille Martin")
    UserFactory(email="autre@exemple.org", full_name="Autre Personne")

    export = export_person("Camille.Martin@exemple.org")

    dumped = str(export)
    assert "Camille Martin" in dumped
    assert "Autre Personne" not in dumped
    assert export["traitements"][0]["finalite"] == "Compte de connexion à la plateforme"


@pytest.mark.django_db(transaction=True)
def test_after_erasure_the_person_appears_nowhere_in_the_database_dump(tmp_path):
    user = UserFactory(email="camille.martin@exemple.org", full_name="Camille Martin")

    erase_person("camille.martin@exemple.org")

    dump = tmp_path / "dump.json"
    call_command("dumpdata", output=str(dump), verbosity=0)
    text = dump.read_text()
    assert "camille.martin@exemple.org" not in text
    assert "Camille Martin" not in text
    user.refresh_from_db()
    assert not user.is_active


@pytest.mark.django_db(transaction=True)
def test_erasure_reaches_a_representative_s_claims_proposals_and_contact_history(tmp_path, staff):
    from maillage.directory.stewardship.claims import approve_claim, submit_claim
    from maillage.directory.stewardship.editing import accept_proposal, propose_edit
    from tests.directory.factories import EstablishmentFactory

    person = UserFactory(email="sacha.leroy@exemple.org", full_name="Sacha Leroy")
    site = EstablishmentFactory()
    approve_claim(
        submit_claim(person, site, role="Trésorier", message="Je suis Sacha Leroy"), staff
    )
    wanted = {"email": "sacha.leroy@exemple.org", "phone": "02 99 00 00 00"}
    accept_proposal(propose_edit(person, site, wanted), staff)

    erase_person("sacha.leroy@exemple.org")

    dump = tmp_path / "dump.json"
    call_command("dumpdata", output=str(dump), verbosity=0)
    text = dump.read_text()
    for trace in ("sacha.leroy@exemple.org", "Sacha Leroy", "02 99 00 00 00"):
        assert trace not in text


@pytest.mark.django_db(transaction=True)
def test_a_person_without_email_is_exported_and_erased_through_their_record(tmp_path):
    from maillage.privacy.subject_rights import erase_person_record, export_person_record
    from tests.people.factories import InteractionFactory, PersonFactory

    person = PersonFactory(email="", first_name="Ysé", last_name="Kerbrat", phone="02 99 00 12 34")
    InteractionFactory(person=person, notes="Appeler Ysé Kerbrat en mai")
    PersonFactory(email="", last_name="Voisin")

    exported = str(export_person_record(person))
    erase_person_record(person)

    assert "Appeler Ysé Kerbrat en mai" in exported
    assert "Voisin" not in exported
    dump = tmp_path / "dump.json"
    call_command("dumpdata", output=str(dump), verbosity=0)
    text = dump.read_text()
    for trace in ("Kerbrat", "02 99 00 12 34"):
        assert trace not in text
    assert "Voisin" in text


@pytest.mark.django_db
def test_a_person_s_record_export_reaches_rows_of_their_account_email():
    from maillage.privacy.subject_rights import export_person_record
    from tests.people.factories import PersonFactory

    user = UserFactory(email="compte@exemple.org", full_name="Titouan Le Goff")
    person = PersonFactory(email="", last_name="Le Goff", user=user)

    export = export_person_record(person)

    purposes = {record["finalite"] for record in export["traitements"]}
    assert "Compte de connexion à la plateforme" in purposes


def test_a_model_no_app_declared_has_no_declaration_to_erase_by():
    # A retention job on such a model stops loudly rather than keeping its rows unerased.
    with pytest.raises(LookupError, match="declares no personal data"):
        declaration_for("observatory.Snapshot")
