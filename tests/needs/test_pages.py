"""The needs' pages: the list and its filters, a need's story, the staff's queue and decisions,
the member space's pages."""

import pytest
from django.urls import reverse

from maillage.needs import lifecycle
from maillage.needs.enums import NeedStatus
from tests.needs.factories import NeedFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_theme_and_status(client):
    mobility = ThemeFactory(slug="mobilite", name="Mobilité")
    bus = NeedFactory(title="Un bus le dimanche")
    bus.themes.add(mobility)
    NeedFactory(title="Une épicerie solidaire")
    page = client.get(reverse("needs:list"), {"theme": "mobilite"}).content.decode()
    assert "Un bus le dimanche" in page
    assert "Une épicerie solidaire" not in page
    page = client.get(reverse("needs:list"), {"statut": "answered"}).content.decode()
    assert "Un bus le dimanche" not in page


def test_an_unknown_filter_value_is_refused_in_french(client):
    response = client.get(reverse("needs:list"), {"theme": "inconnu"})
    assert response.status_code == 400
    assert "Ce thème n’existe pas." in response.content.decode()


def test_a_need_page_tells_its_story(client, staff):
    need = NeedFactory(title="Un bus le dimanche")
    lifecycle.record_submission(need, label="Atelier de Redon")
    decision = lifecycle.Decision("Partagé par trois communes", by=staff, label="Instance du pôle")
    lifecycle.move(need, NeedStatus.QUALIFIED, decision)
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Besoin exprimé" in page
    assert "Partagé par trois communes" in page
    assert "par Instance du pôle" in page


def test_staff_qualify_a_need_from_its_page(client_for, staff):
    need = NeedFactory()
    response = client_for(staff).post(
        reverse("needs:move", args=[need.pk]),
        {
            "target": "qualified",
            "reason": "Trois communes le disent",
            "decided_by_label": "Bureau",
            "decided_on": "2020-01-01",
        },
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedStatus.QUALIFIED


def test_the_queue_lists_the_needs_to_qualify(client_for, staff):
    NeedFactory(title="À examiner")
    answered = NeedFactory(title="Déjà répondu")
    lifecycle.move(answered, NeedStatus.ANSWERED, lifecycle.Decision("Réponse trouvée"))
    page = client_for(staff).get(reverse("needs:queue")).content.decode()
    assert "À examiner" in page
    assert "Déjà répondu" not in page


def test_the_staff_home_counts_the_needs_to_qualify(client_for, staff):
    NeedFactory.create_batch(3)
    page = client_for(staff).get(reverse("web:staff_home")).content.decode()
    assert "3 besoins exprimés à qualifier" in page


def test_my_needs_lists_what_i_expressed(client_for, member):
    NeedFactory(title="Le mien", submitted_by=member)
    NeedFactory(title="Celui d’un autre")
    page = client_for(member).get(reverse("space:needs:mine")).content.decode()
    assert "Le mien" in page
    assert "Celui d’un autre" not in page


def test_the_pages_of_staff_and_public_render(client_for, staff):
    need = NeedFactory()
    client = client_for(staff)
    for name, args in (
        ("needs:manage", [need.pk]),
        ("needs:create", []),
        ("needs:signals", []),
        ("needs:map", []),
        ("needs:submit", []),
    ):
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_the_public_form_renders_for_a_visitor(client):
    page = client.get(reverse("needs:submit")).content.decode()
    assert "Votre adresse e-mail" in page
