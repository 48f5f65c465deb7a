"""A need's whole life in real Chromium: an inhabitant expresses it from a phone (390 px) and
confirms it by the link of the e-mail; the hub's staff qualify it against the hub's criteria and
move it through its steps; a person with an account supports it and comments; staff publish the
comment, build the response and answer it. axe finds nothing serious or critical on any page."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from maillage.accounts.demo import create_demo_accounts
from maillage.accounts.models import User
from maillage.hub import current_hub
from maillage.needs.demo import create_demo_needs
from maillage.needs.enums import NeedStatus
from maillage.needs.hub_file import load_needs_file
from maillage.needs.models import Need
from tests.browser.conftest import DESKTOP, open_page
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory, make_current_member

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The page itself never scrolls sideways (tests/browser/test_phone_width.py says why).
OVERFLOW = "document.documentElement.scrollWidth > window.innerWidth"
TITLE = "Une laverie solidaire à Redon"
LINK = re.compile(r"https?://\S+?(/besoins/confirmer/\S+/)")
CRITERIA = [
    "Le besoin est partagé par plusieurs personnes ou structures",
    "Il concerne le Pays de Redon",
    "L'économie sociale et solidaire peut y répondre",
    "Aucune réponse existante ne le couvre déjà",
]


@pytest.fixture
def open_as(browser, browser_problems, live_server):
    """open_as(user, viewport): a page signed in as `user` (None: anonymous), CSP bypassed only
    so that axe-core can be injected."""
    contexts = []

    def make(user, viewport):
        context, page = open_page(browser, viewport, browser_problems, bypass_csp=True)
        contexts.append(context)
        return signed_in(page, live_server, user) if user else page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def criteria(hub_data):
    load_needs_file(current_hub().directory)


def checked(page):
    """The page as a person reads it: no sideways scroll, nothing serious for axe."""
    assert not page.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(page)


def express_from_a_phone(phone, live_server):
    phone.goto(live_server.url + reverse("web:home"))
    phone.get_by_role("button", name="Menu").click()
    menu = phone.get_by_role("navigation", name="Navigation principale")
    menu.get_by_role("link", name="Besoins").click()
    expect(phone.get_by_role("heading", name="Besoins du territoire", level=1)).to_be_visible()
    checked(phone)
    phone.get_by_role("link", name="Exprimer un besoin").click()
    expect(phone.get_by_role("heading", name="Exprimer un besoin du territoire")).to_be_visible()
    checked(phone)

    phone.get_by_label("Le besoin, en une phrase").fill(TITLE)
    phone.get_by_label("Décrivez-le").fill(
        "La laverie a fermé : les familles sans machine font 20 km pour laver leur linge."
    )
    phone.get_by_label("Communes concernées").select_option(label="Redon (35236)")
    phone.get_by_label("Lien social et solidarités").check()
    phone.get_by_label("Votre prénom (facultatif)").fill("Nolwenn")
    phone.get_by_label("Votre adresse e-mail").fill("nolwenn@exemple.org")
    phone.get_by_label("J’accepte que le pôle garde cette adresse").check()
    phone.get_by_role("button", name="Envoyer le besoin").click()
    expect(phone.get_by_role("heading", name="Plus qu’une étape")).to_be_visible()
    checked(phone)


def confirm_by_the_email_link(phone, live_server):
    (message,) = mail.outbox
    assert message.to == ["nolwenn@exemple.org"]
    phone.goto(live_server.url + LINK.search(message.body).group(1))
    expect(phone.get_by_role("heading", name="Confirmer votre besoin")).to_be_visible()
    checked(phone)
    phone.get_by_role("button", name="Je confirme et je publie ce besoin").click()
    expect(phone.get_by_text("Merci : votre besoin est confirmé et publié.")).to_be_visible()
    expect(phone.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    checked(phone)


def decide(page, step: str, reason: str):
    page.get_by_label("Nouvelle étape").select_option(label=step)
    page.get_by_label("Pourquoi").fill(reason)
    page.get_by_label("Décidé par").fill("Instance du pôle")
    page.get_by_role("button", name="Enregistrer la décision").click()
    expect(page.get_by_text(f"Le besoin est désormais « {step.lower()} ».")).to_be_visible()
    checked(page)


def qualify(staff, live_server):
    staff.goto(live_server.url + reverse("needs:queue"))
    expect(staff.get_by_role("heading", name="Besoins à qualifier", level=1)).to_be_visible()
    checked(staff)
    staff.get_by_role("link", name=TITLE).click()
    expect(staff.get_by_role("heading", name="Suivi du besoin", level=1)).to_be_visible()
    checked(staff)
    for criterion in CRITERIA:
        staff.get_by_label(criterion).check()
    decide(staff, "Qualifié", "Trois familles du quartier l’ont dit à l’atelier de mars.")


def support_and_comment(person, live_server, need):
    person.goto(live_server.url + need.get_absolute_url())
    expect(person.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    checked(person)
    person.get_by_role("button", name="Je soutiens ce besoin").click()
    expect(person.get_by_text("Votre soutien est enregistré.")).to_be_visible()
    expect(person.get_by_text("1 personne", exact=True)).to_be_visible()
    person.get_by_label("Votre commentaire").fill("Nous irions à pied depuis la gare.")
    person.get_by_role("button", name="Envoyer le commentaire").click()
    expect(person.get_by_text("votre commentaire sera publié après relecture")).to_be_visible()
    # Not published before the staff read it.
    expect(person.get_by_text("Pas encore de commentaire publié.")).to_be_visible()
    checked(person)

    person.goto(live_server.url + reverse("space:needs:supports"))
    expect(person.get_by_role("link", name=TITLE)).to_be_visible()
    checked(person)


def publish_the_comment(staff, live_server):
    staff.goto(live_server.url + reverse("needs:queue"))
    expect(staff.get_by_text("Nous irions à pied depuis la gare.")).to_be_visible()
    staff.get_by_role("button", name="Publier").click()
    expect(staff.get_by_text("Commentaire publié.")).to_be_visible()
    checked(staff)


def answer(staff, live_server, need):
    staff.goto(live_server.url + reverse("needs:manage", args=[need.pk]))
    expect(staff.get_by_role("heading", name="Étape suivante")).to_be_visible()
    decide(staff, "Priorisé", "Retenu parmi les trois priorités de l’année.")
    decide(staff, "Réponse en construction", "Une association de quartier porte le projet.")
    staff.get_by_label("La réponse, en quelques phrases").fill(
        "Une laverie associative ouvre deux soirs par semaine à la maison de quartier."
    )
    staff.get_by_role("button", name="Enregistrer la réponse").click()
    expect(staff.get_by_text("La réponse est enregistrée.")).to_be_visible()
    checked(staff)
    decide(staff, "Réponse testée", "Six semaines d’essai, quarante passages.")
    decide(staff, "Répondu", "La laverie associative tourne seule depuis la rentrée.")


def read_the_story(phone, live_server, need):
    phone.goto(live_server.url + need.get_absolute_url())
    expect(phone.locator(".badge").first).to_have_text("Répondu")
    expect(phone.get_by_text("Une laverie associative ouvre deux soirs")).to_be_visible()
    expect(phone.get_by_text("Nous irions à pied depuis la gare.")).to_be_visible()
    expect(phone.get_by_text("Ce besoin est clos : il ne reçoit plus de soutien.")).to_be_visible()
    history = phone.locator(".need-history > li")
    expect(history).to_have_count(6)
    expect(history.first).to_contain_text("Exprimé, par Dépôt en ligne")
    expect(history.nth(1)).to_contain_text("Rempli : Il concerne le Pays de Redon")
    expect(history.last).to_contain_text("Répondu, par Instance du pôle")
    checked(phone)

    phone.get_by_role("link", name="Besoins du territoire", exact=True).click()
    phone.get_by_role("link", name="Voir la carte").click()
    table = phone.get_by_role("table", name="Besoins publics par commune")
    expect(table.get_by_role("row", name="Redon 1")).to_be_visible()
    checked(phone)


def test_a_need_goes_from_a_phone_to_its_answer(open_as, live_server, criteria):
    inhabitant = open_as(None, PHONE)
    express_from_a_phone(inhabitant, live_server)
    need = Need.objects.get(title=TITLE)
    assert not need.is_confirmed  # unseen until the link is followed
    confirm_by_the_email_link(inhabitant, live_server)

    staff = open_as(UserFactory(staff=True, full_name="Claire Équipe"), DESKTOP)
    qualify(staff, live_server)

    supporter = open_as(UserFactory(full_name="Maël Voisin"), PHONE)
    support_and_comment(supporter, live_server, need)
    publish_the_comment(staff, live_server)
    answer(staff, live_server, need)

    read_the_story(inhabitant, live_server, need)
    need.refresh_from_db()
    assert need.is_answered
    # The inhabitant heard of each of the five steps after the link of the first e-mail.
    news = [message.subject for message in mail.outbox[1:]]
    assert news[-1] == "Votre besoin est « répondu »"
    assert len(news) == 5
    assert {tuple(message.to) for message in mail.outbox} == {("nolwenn@exemple.org",)}
    assert need.supports.count() == 1
    assert list(need.steps.values_list("to_status", flat=True)) == [
        "submitted",
        "qualified",
        "prioritised",
        "building",
        "tested",
        "answered",
    ]


@pytest.fixture
def demo_needs(hub_data):
    create_demo_accounts()
    make_current_member(User.objects.get(email="adherent@demo.maillage.test"))
    create_demo_needs()


def test_every_other_needs_page_passes_axe_on_the_demo(open_as, live_server, demo_needs):
    """The pages the walk above does not reach, with the demo's needs at every step, its
    pending comments and its signals."""
    answered = Need.objects.get(status=NeedStatus.ANSWERED)
    staff = open_as(User.objects.get(email="equipe@demo.maillage.test"), PHONE)
    member = open_as(User.objects.get(email="adherent@demo.maillage.test"), PHONE)
    visitor = open_as(None, PHONE)
    pages = [
        (visitor, reverse("needs:list") + "?statut=answered", "Besoins du territoire"),
        (visitor, reverse("needs:map"), "Carte des besoins du territoire"),
        (visitor, answered.get_absolute_url(), answered.title),
        (member, reverse("space:needs:mine"), "Mes besoins"),
        (member, reverse("space:needs:supports"), "Mes soutiens"),
        (staff, reverse("needs:queue"), "Besoins à qualifier"),
        (staff, reverse("needs:signals"), "Signaux"),
        (staff, reverse("needs:create"), "Enregistrer un besoin"),
        (staff, reverse("needs:manage", args=[answered.pk]), "Suivi du besoin"),
    ]
    for page, path, heading in pages:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        checked(page)
