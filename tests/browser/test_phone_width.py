"""Every page of every role fits a 390 px phone screen: the page itself never scrolls sideways (a
wide table scrolls inside its .table-wrap) and label/value lists stack, each value under its
term. Issue 17.

The pages are the URL resolver's named routes, so a new page is covered without touching this
test. Their arguments come from the demonstration data: the links and forms each role's crawl
finds; for a route no page links to, the arguments of a crawled route that addresses the same
object (the same path up to the last argument); then the few providers below (links sent by
e-mail). A route left without arguments fails the test by name. Each page is opened once, as the
least privileged role that gets it as HTML, in one Chromium page per role.
"""

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from maillage.accounts.demo import DEMO_ACCOUNTS
from maillage.accounts.models import User
from maillage.activities.models import Registration
from maillage.activities.my_registrations import feed_key
from maillage.directory.enums import (
    ExportFormat,
    ExportStatus,
    ImportKind,
    ImportStatus,
    LocationCheckKind,
)
from maillage.directory.models import (
    Claim,
    DirectoryExport,
    DuplicateCandidate,
    EditProposal,
    Establishment,
    ImportRejection,
    ImportRun,
    LocationCheck,
)
from maillage.needs.confirmation import new_link_token
from maillage.needs.models import Need
from maillage.network.people.exports import create_link
from maillage.network.people.importing.queueing import receive_upload
from maillage.network.working_groups.models import Document, WorkingGroup
from maillage.reports.annual.models import FrozenVersion
from maillage.reports.funding.models import Application, Funder
from maillage.support.journeys.models import CaseDocument, NextStep, SupportCase
from tests.browser.sessions import signed_in
from tests.crawler import STARTS, close_file, crawl, demo_clients, load_demo
from tests.factories import UserFactory
from tests.working_groups.factories import DocumentFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# From the least to the most privileged: a page is its first role's page.
ROLES = ["visiteur", "member", "partner", "staff", "administrator"]
EMAILS = {account.role.value: account.email for account in DEMO_ACCOUNTS}
EXCLUDED = re.compile(r"^admin:")  # Django's own admin, for administrators on a desk

# What makes the page too wide: the innermost elements that stick out of the screen, unless a
# scrolling box that fits (a .table-wrap) holds them.
OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = (element) => element.getBoundingClientRect().right > width + 1;
  const scrolls = (element) => getComputedStyle(element).overflowX !== "visible";
  const held = (element) => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (scrolls(box)) return !wide(box);
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + [...element.classList].map((c) => "." + c).join("");
  const culprits = [...document.body.querySelectorAll("*")].filter((element) =>
    wide(element) && ![...element.children].some(wide) && !held(element));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    elements: culprits.slice(0, 4).map((element) =>
      `${name(element)} in ${name(element.parentElement)}`
      + ` (${Math.round(element.getBoundingClientRect().right)} px)`),
  };
}"""


# Label/value lists side by side: a value (dd) beside its term (dt) rather than under it.
SIDE_BY_SIDE = """() => {
  const lists = [...document.querySelectorAll("dl")].filter((list) => list.offsetParent);
  const beside = (list) => {
    let term = null;
    for (const item of list.querySelectorAll("dt, dd")) {
      if (item.tagName === "DT") { term = item; continue; }
      if (term && item.getBoundingClientRect().top < term.getBoundingClientRect().bottom - 1) {
        return true;
      }
    }
    return false;
  };
  return lists.filter(beside).map((list) =>
    "dl" + [...list.classList].map((c) => "." + c).join("")
    + " (" + list.querySelector("dt").textContent.trim().slice(0, 30) + ")");
}"""


def named_routes(patterns=None, namespace: tuple[str, ...] = ()):
    """(name, pattern text) of every named route, namespaces included."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + ((entry.namespace,) if entry.namespace else ())
            for name, text in named_routes(entry.url_patterns, inner):
                yield name, str(entry.pattern) + text
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join((*namespace, entry.name)), str(entry.pattern)


def _object_prefix(pattern: str) -> str:
    """The path up to the last argument: routes sharing it address the same object."""
    return pattern[: pattern.rindex(">") + 1]


def _registration_token(clients) -> dict:
    return {"token": Registration.objects.order_by("pk").first().token}


def _export_token(clients) -> dict:
    member = User.objects.get(email="adherent@demo.maillage.test")
    return {"token": create_link(None, member, clients["member"].session.session_key)}


def _calendar_feed(clients) -> dict:
    member = User.objects.get(email=EMAILS["member"])
    return {"pk": member.pk, "key": feed_key(member)}


def _password_reset(clients) -> dict:
    member = User.objects.get(email="adherent@demo.maillage.test")
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    return {"uidb64": uid, "token": default_token_generator.make_token(member)}


def _located_entry(clients) -> dict:
    return {"pk": Establishment.objects.filter(longitude__isnull=False).first().pk}


def _group_document(clients) -> dict:
    document = Document.objects.select_related("group").last()
    return {"slug": document.group.slug, "pk": document.pk}


def _case_document(clients) -> dict:
    document = CaseDocument.objects.last()
    return {"pk": document.case_id, "document_pk": document.pk}


def _next_step(clients) -> dict:
    step = NextStep.objects.filter(done_on=None).last()
    return {"pk": step.case_id, "step_pk": step.pk}


def _need_confirmation(clients) -> dict:
    return {"token": new_link_token(Need.objects.order_by("pk").first())}


def _application(clients) -> dict:
    return {"pk": Application.objects.order_by("pk").first().pk}


def _report_file(clients) -> dict:
    version = FrozenVersion.objects.select_related("report").order_by("pk").first()
    return {"year": version.report.year, "number": version.number, "file_format": "pdf"}


def _directory_export(clients) -> dict:
    export, _ = DirectoryExport.objects.get_or_create(
        file_format=ExportFormat.CSV, defaults={"status": ExportStatus.RUNNING, "rows_total": 9}
    )
    return {"pk": export.pk}


# Routes that only a link sent by e-mail, a script or a page the crawl did not open leads to.
PROVIDERS: dict[str, Callable[[dict[str, Client]], dict]] = {
    "directory:map_card": _located_entry,
    "working_groups:document": _group_document,
    "working_groups:delete": _group_document,
    "journeys:document": _case_document,
    "journeys:complete_next_step": _next_step,
    "activities:registration": _registration_token,
    "activities:cancel": _registration_token,
    "activities:invitation": _registration_token,
    "activities:cycle_calendar": _registration_token,
    "activities:survey": _registration_token,
    "activities:certificate": _registration_token,
    "people:download_export": _export_token,
    "space:activities:feed": _calendar_feed,
    "accounts:password_reset_confirm": _password_reset,
    "needs:confirm": _need_confirmation,
    "funding:application_edit": _application,
    "report_files:download": _report_file,
    "directory:staff_export": _directory_export,
    "directory:staff_export_file": _directory_export,
}


def crawled_paths(clients: dict[str, Client]) -> dict[str, str]:
    """A path of each route that the roles' pages link to or send a form to."""
    found: dict[str, str] = {}
    for client in clients.values():
        crawled = crawl(client, STARTS)
        for path in [*crawled.pages, *crawled.actions]:
            path = path.split("?")[0]
            try:
                found.setdefault(resolve(path).view_name, path)
            except Resolver404:
                continue
    return found


def route_paths(clients: dict[str, Client]) -> tuple[dict[str, str], list[str]]:
    """A path for every named route, and the routes for which none was found."""
    found = crawled_paths(clients)
    routes = {name: text for name, text in named_routes() if not EXCLUDED.match(name)}
    by_object = {_object_prefix(routes[name]): name for name in found if "<" in routes[name]}
    paths, missing = {}, []
    for name, text in routes.items():
        if "<" not in text:
            paths[name] = reverse(name)
        elif name in found:
            paths[name] = found[name]
        elif _object_prefix(text) in by_object:
            sibling = found[by_object[_object_prefix(text)]]
            paths[name] = reverse(name, kwargs=resolve(sibling).kwargs)
        elif name in PROVIDERS:
            paths[name] = reverse(name, kwargs=PROVIDERS[name](clients))
        else:
            missing.append(f"{name} ({text})")
    return paths, missing


def first_reader(clients: dict[str, Client], path: str) -> str | None:
    """The least privileged role that gets the path as an HTML page (None: not a page)."""
    for role in ROLES:
        response = clients[role].get(path)
        close_file(response)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            return role
    return None


def add_what_the_demo_lacks() -> None:
    """One item in each staff queue the demo leaves empty, an import with a rejected row and a
    document of each kind: their pages are reached from the queues, imports and documents."""
    first, second = Establishment.objects.order_by("pk")[:2]
    Claim.objects.create(user=UserFactory(), legal_unit=first.legal_unit)
    EditProposal.objects.create(establishment=first, changes={"phone": "02 99 71 00 00"})
    DuplicateCandidate.objects.create(first=first, second=second, reason="même nom")
    LocationCheck.objects.create(
        establishment=first,
        kind=LocationCheckKind.ADDRESS,
        written="3 rue des Douves",
        reason="adresse approchée",
    )
    run = ImportRun.objects.create(
        kind=ImportKind.RNA, file_name="rna.csv", status=ImportStatus.SUCCEEDED
    )
    ImportRejection.objects.create(run=run, line=2, reason="commune inconnue")
    sheet = b"nom;courriel\nCamille Exemple (fictif);camille@exemple.org\n"
    receive_upload("contacts.csv", sheet, User.objects.get(email=EMAILS["staff"]))
    case = SupportCase.objects.order_by("pk").first()
    NextStep.objects.create(case=case, title="Rappeler la mairie", due_on=timezone.localdate())
    CaseDocument.objects.create(
        case=case, title="Plan de financement", file=ContentFile(b"%PDF-1.4", name="plan.pdf")
    )
    DocumentFactory(group=WorkingGroup.objects.order_by("pk").first())
    Application.objects.create(
        funder=Funder.objects.order_by("pk").first(), title="Fonctionnement", requested_amount=1
    )


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.SUPPORT_DOCUMENTS_ROOT = tmp_path / "accompagnement"
    settings.WORKING_GROUP_DOCUMENTS_ROOT = tmp_path / "groupes"
    settings.DIRECTORY_EXPORTS_ROOT = tmp_path / "exports"
    load_demo()
    add_what_the_demo_lacks()


def test_every_page_of_every_role_fits_a_390_px_screen(browser, live_server, demo):
    clients = demo_clients()
    paths, missing = route_paths(clients)
    assert not missing, "No arguments found in the demo for:\n" + "\n".join(missing)
    pages: dict[str, list[str]] = {role: [] for role in ROLES}
    for path in sorted(set(paths.values())):
        role = first_reader(clients, path)
        if role is not None:
            pages[role].append(path)
    # Each role's own home too: its header and menus differ.
    for role in ROLES[1:]:
        pages[role] = sorted({*pages[role], "/", "/espace-membre/"})
    assert all(pages.values()), pages  # every role has pages of its own
    # The staff desk's latest pages among them (issue 17): the hub's places.
    places = [
        "activities:staff_places",
        "activities:staff_create_place",
        "activities:staff_edit_place",
    ]
    assert {paths[name] for name in places} <= set(pages["staff"])

    overflows, side_by_side = [], []
    for role, role_paths in pages.items():
        context = browser.new_context(viewport=PHONE, locale="fr-FR")
        page = context.new_page()
        if role in EMAILS:
            signed_in(page, live_server, User.objects.get(email=EMAILS[role]))
        for path in role_paths:
            page.goto(live_server.url + path)
            overflow = page.evaluate(OVERFLOW)
            if overflow:
                overflows.append(f"{role} {path}: {overflow}")
            if lists := page.evaluate(SIDE_BY_SIDE):
                side_by_side.append(f"{role} {path}: {lists}")
        context.close()
    assert not overflows, "Wider than 390 px:\n" + "\n".join(overflows)
    assert not side_by_side, "Label/value lists not stacked at 390 px:\n" + "\n".join(side_by_side)
