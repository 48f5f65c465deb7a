"""Who reaches which page of the journeys: every view × every role, and objects by id.

Case records are personal data: staff see them all; a partner sees only the referrals to the
services of the organisations it represents; nobody else sees anything.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from maillage.support.journeys.follow_up import add_document, plan_next_step
from tests.factories import UserFactory
from tests.journeys.factories import ReferralFactory, represent
from tests.journeys.helpers import close_response

LOGIN, REFUSED, NOT_FOUND, ALLOWED, EMPTY = "login", "refused", "not found", "allowed", "empty"
ROLES = ("anonymous", "member", "partner_with", "partner_without", "staff", "administrator")

STAFF_ONLY = dict.fromkeys(("anonymous",), LOGIN) | dict.fromkeys(
    ("member", "partner_with", "partner_without"), REFUSED
) | dict.fromkeys(("staff", "administrator"), ALLOWED)  # fmt: skip
# A referral's own page: only its partner; other signed-in people without it get a 404.
REFERRAL_PAGE = {
    "anonymous": LOGIN,
    "member": NOT_FOUND,
    "partner_with": ALLOWED,
    "partner_without": NOT_FOUND,
    "staff": REFUSED,
    "administrator": NOT_FOUND,
}
# The partner's list: everyone with a space reaches it, and sees only their own referrals.
REFERRAL_LIST = REFERRAL_PAGE | {"member": EMPTY, "partner_without": EMPTY, "administrator": EMPTY}


@pytest.fixture
def world(db):
    referral = ReferralFactory()
    other = ReferralFactory(case__title="Dossier d’un autre partenaire")
    partner_with = UserFactory(partner=True)
    represent(partner_with, referral.service.provider)
    other_partner = UserFactory(partner=True)
    represent(other_partner, other.service.provider)
    case = referral.case
    step = plan_next_step(
        case, "Relancer", datetime.date(2030, 1, 1), today=datetime.date(2026, 5, 1)
    )
    from django.core.files.base import ContentFile

    document = add_document(case, "Statuts", ContentFile(b"statuts", name="statuts.pdf"), None)
    return {
        "referral": referral,
        "other": other,
        "case": case,
        "step": step,
        "document": document,
        "users": {
            "anonymous": None,
            "member": UserFactory(),
            "partner_with": partner_with,
            "partner_without": UserFactory(partner=True),
            "staff": UserFactory(staff=True),
            "administrator": UserFactory(administrator=True),
        },
    }


VIEWS = [
    ("case_list", "get", lambda w: [], STAFF_ONLY),
    ("case_create", "get", lambda w: [], STAFF_ONLY),
    ("case_create", "post", lambda w: [], STAFF_ONLY),
    ("case", "get", lambda w: [w["case"].pk], STAFF_ONLY),
    ("case_edit", "get", lambda w: [w["case"].pk], STAFF_ONLY),
    ("case_edit", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("change_stage", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("add_appointment", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("add_note", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("add_document", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("document", "get", lambda w: [w["case"].pk, w["document"].pk], STAFF_ONLY),
    ("add_next_step", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("complete_next_step", "post", lambda w: [w["case"].pk, w["step"].pk], STAFF_ONLY),
    ("refer", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("close", "get", lambda w: [w["case"].pk], STAFF_ONLY),
    ("close", "post", lambda w: [w["case"].pk], STAFF_ONLY),
    ("dashboard", "get", lambda w: [], STAFF_ONLY),
    ("dashboard_csv", "get", lambda w: ["dossiers-ouverts"], STAFF_ONLY),
    ("partner_referrals", "get", lambda w: [], REFERRAL_LIST),
    ("partner_referral", "get", lambda w: [w["referral"].pk], REFERRAL_PAGE),
    ("partner_accept", "post", lambda w: [w["referral"].pk], REFERRAL_PAGE),
    ("partner_decline", "post", lambda w: [w["referral"].pk], REFERRAL_PAGE),
    ("partner_complete", "post", lambda w: [w["referral"].pk], REFERRAL_PAGE),
]


def journeys_url(name: str, args: list) -> str:
    # The partner's pages sit in the member space, under its namespace.
    namespace = "space:journeys" if name.startswith("partner_") else "journeys"
    return reverse(f"{namespace}:{name}", args=args)


def outcome(response) -> str:
    if response.status_code == 302 and "/compte/" in response.url:
        return LOGIN
    if response.status_code == 403:
        return REFUSED
    if response.status_code == 404:
        return NOT_FOUND
    assert response.status_code in (200, 302, 400), response.status_code
    return ALLOWED


@pytest.mark.parametrize(
    ("name", "method", "args", "expected"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS]
)
def test_every_role_gets_what_it_may_on_every_view(world, name, method, args, expected):
    url = journeys_url(name, args(world))
    seen = {}
    for role in ROLES:
        client = Client()
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        response = getattr(client, method)(url)
        seen[role] = outcome(response)
        close_response(response)  # a streamed document keeps its file open until then
        # The partner list opens to every member and partner, showing only their referrals.
        if name == "partner_referrals" and seen[role] == ALLOWED:
            seen[role] = EMPTY if world["case"].title not in response.content.decode() else ALLOWED
    assert seen == expected


def test_a_partner_asking_for_another_partner_s_referral_by_id_gets_a_404(client_for, world):
    client = client_for(world["users"]["partner_with"])

    for name in ("partner_referral", "partner_accept", "partner_decline", "partner_complete"):
        url = journeys_url(name, [world["other"].pk])
        response = client.get(url) if name == "partner_referral" else client.post(url)
        assert response.status_code == 404, name
    world["other"].refresh_from_db()
    assert world["other"].status == "sent"


def test_a_partner_asking_for_a_case_page_by_id_is_refused(client_for, world):
    client = client_for(world["users"]["partner_with"])

    assert client.get(reverse("journeys:case", args=[world["case"].pk])).status_code == 403
    assert client.get(reverse("journeys:case", args=[world["other"].case.pk])).status_code == 403


def test_the_partner_list_shows_only_its_own_referrals(client_for, world):
    page = client_for(world["users"]["partner_with"]).get(
        reverse("space:journeys:partner_referrals")
    )

    assert world["case"].title in page.content.decode()
    assert "Dossier d’un autre partenaire" not in page.content.decode()


def test_a_partner_sees_the_project_but_never_the_case_notes(client_for, world):
    case = world["case"]
    case.notes = "Situation personnelle délicate"
    case.save()

    page = client_for(world["users"]["partner_with"]).get(
        reverse("space:journeys:partner_referral", args=[world["referral"].pk])
    )

    assert case.description in page.content.decode()
    assert "Situation personnelle délicate" not in page.content.decode()


def test_a_partner_sees_contact_details_only_when_the_holders_agreed(client_for, db):
    shared = ReferralFactory()
    private = ReferralFactory(case__private_contacts=True, service=shared.service)
    partner = UserFactory(partner=True)
    represent(partner, shared.service.provider)
    client = client_for(partner)

    shared_page = client.get(reverse("space:journeys:partner_referral", args=[shared.pk]))
    private_page = client.get(reverse("space:journeys:partner_referral", args=[private.pk]))

    assert shared.case.holders.get().email in shared_page.content.decode()
    assert private.case.holders.get().email not in private_page.content.decode()
    assert "n’ont pas souhaité" in private_page.content.decode()


def test_a_pending_claim_gives_no_access_to_referrals(client_for, world):
    from maillage.directory.models import Claim

    partner = UserFactory(partner=True)
    Claim.objects.create(user=partner, legal_unit=world["referral"].service.provider)

    response = client_for(partner).get(
        reverse("space:journeys:partner_referral", args=[world["referral"].pk])
    )

    assert response.status_code == 404
