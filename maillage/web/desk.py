"""The staff home: what waits for the team today, read from each app's query functions.

The web app is the top layer: it may read every app, but only through the small functions each
app offers for it (`queries.py`), never through another app's models. Every counter is one
count query and every list one bounded query, so the page costs the same number of queries
however many rows wait.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from maillage.activities.queries import coming_for_staff
from maillage.core.dates import french_date
from maillage.core.french import percent, plural
from maillage.core.job_failures import failing_now
from maillage.core.scheduling import job_named
from maillage.directory.queries import imports_to_watch, stewardship_queues
from maillage.needs.queries import needs_due
from maillage.network.decisions.queries import closing_soon
from maillage.network.memberships.queries import join_requests_waiting, memberships_due
from maillage.network.people.queries import imports_awaiting_mapping
from maillage.support.journeys.queries import next_steps_due, referrals_awaiting_partner
from maillage.support.services.queries import awaiting_validation_count

AGENDA_DAYS = 14
DECISION_DAYS = 7
# Due items shown under a counter; the counter's link leads to the rest.
ITEMS_SHOWN = 5
# Activities of the fortnight shown; beyond, the staff agenda lists them all.
ACTIVITIES_SHOWN = 30


@dataclass(frozen=True)
class DueItem:
    label: str
    url: str
    detail: str = ""  # in French: a date, a state


@dataclass(frozen=True)
class Counter:
    key: str  # stable name, for anchors and tests
    count: int
    singular: str  # « demande de rattachement à examiner »
    plural_form: str
    url: str
    items: list[DueItem] = field(default_factory=list)

    @property
    def text(self) -> str:
        """« 3 demandes de rattachement à examiner », French spacing and agreement."""
        return plural(self.count, self.singular, self.plural_form)

    @property
    def more(self) -> int:
        """Due items not shown under the counter."""
        return max(self.count - len(self.items), 0) if self.items else 0


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    counters: list[Counter]

    @property
    def total(self) -> int:
        return sum(counter.count for counter in self.counters)


def _shown(queryset: QuerySet, limit: int = ITEMS_SHOWN) -> tuple[int, list]:
    return queryset.count(), list(queryset[:limit])


def _date(value) -> str:
    return french_date(value, "j F Y")


def directory_section() -> Section:
    queues = stewardship_queues()
    url = lambda name: reverse(f"directory:{name}")  # noqa: E731
    return Section(
        "annuaire",
        "Annuaire",
        [
            Counter(
                "claims",
                queues.claims,
                "demande de rattachement à examiner",
                "demandes de rattachement à examiner",
                url("staff_claims"),
            ),
            Counter(
                "proposals",
                queues.proposals,
                "proposition de modification à valider",
                "propositions de modification à valider",
                url("staff_proposals"),
            ),
            Counter(
                "family_review",
                queues.family_review,
                "structure « à vérifier » (famille de l’ESS)",
                "structures « à vérifier » (famille de l’ESS)",
                url("staff_review"),
            ),
            Counter(
                "location_checks",
                queues.location_checks,
                "lieu géocodé à confirmer",
                "lieux géocodés à confirmer",
                url("staff_location_checks"),
            ),
            Counter(
                "duplicates",
                queues.duplicates,
                "doublon probable à examiner",
                "doublons probables à examiner",
                url("staff_duplicates"),
            ),
            Counter(
                "stale",
                queues.stale,
                "fiche à faire confirmer (ancienne)",
                "fiches à faire confirmer (anciennes)",
                url("staff_stale"),
            ),
        ],
    )


def support_section() -> Section:
    referral_count, referrals = _shown(referrals_awaiting_partner())
    step_count, steps = _shown(next_steps_due())
    return Section(
        "accompagnement",
        "Accompagnement",
        [
            Counter(
                "referrals",
                referral_count,
                "orientation en attente de réponse du partenaire",
                "orientations en attente de réponse du partenaire",
                reverse("journeys:case_list"),
                [
                    DueItem(
                        f"{referral.case.title} → {referral.service.provider.name}",
                        referral.case.get_absolute_url(),
                        f"envoyée le {_date(referral.sent_on)}",
                    )
                    for referral in referrals
                ],
            ),
            Counter(
                "next_steps",
                step_count,
                "prochaine étape arrivée à échéance",
                "prochaines étapes arrivées à échéance",
                reverse("journeys:case_list"),
                [
                    DueItem(
                        f"{step.case.title} : {step.title}",
                        step.case.get_absolute_url(),
                        f"échéance le {_date(step.due_on)}",
                    )
                    for step in steps
                ],
            ),
            Counter(
                "services",
                awaiting_validation_count(),
                "service d’un partenaire à valider",
                "services de partenaires à valider",
                reverse("services:validation"),
            ),
        ],
    )


def needs_section() -> Section:
    due = needs_due()
    return Section(
        "besoins",
        "Besoins du territoire",
        [
            Counter(
                "needs_to_qualify",
                due.to_qualify,
                "besoin exprimé à qualifier",
                "besoins exprimés à qualifier",
                reverse("needs:queue"),
            ),
            Counter(
                "need_comments",
                due.comments,
                "commentaire sur un besoin à modérer",
                "commentaires sur des besoins à modérer",
                reverse("needs:queue"),
            ),
        ],
    )


def network_section() -> Section:
    year = timezone.localdate().year
    due = memberships_due(year)
    decision_count, decisions = _shown(closing_soon(DECISION_DAYS))
    payments_url = reverse("memberships:list") + f"?annee={year}&statut=pending"
    return Section(
        "reseau",
        "Adhésions et décisions",
        [
            Counter(
                "join_requests",
                join_requests_waiting(),
                "demande d’adhésion à examiner",
                "demandes d’adhésion à examiner",
                reverse("memberships:join_requests"),
            ),
            Counter(
                "renewals",
                due.not_renewed,
                f"adhésion de {year - 1} pas encore renouvelée",
                f"adhésions de {year - 1} pas encore renouvelées",
                reverse("memberships:renewal"),
            ),
            Counter(
                "payments",
                due.awaiting_payment,
                f"adhésion de {year} en attente de paiement",
                f"adhésions de {year} en attente de paiement",
                payments_url,
            ),
            Counter(
                "decisions",
                decision_count,
                f"décision dont le vote se clôt d’ici {DECISION_DAYS} jours",
                f"décisions dont le vote se clôt d’ici {DECISION_DAYS} jours",
                reverse("decisions:list"),
                [
                    DueItem(
                        proposal.title,
                        proposal.get_absolute_url(),
                        f"clôture le {_date(proposal.deadline)}",
                    )
                    for proposal in decisions
                ],
            ),
        ],
    )


def imports_section() -> Section:
    run_count, runs = _shown(imports_to_watch())
    sheet_count, sheets = _shown(imports_awaiting_mapping())
    return Section(
        "imports",
        "Imports et tâches planifiées",
        [
            Counter(
                "directory_imports",
                run_count,
                "import de l’annuaire en cours ou interrompu",
                "imports de l’annuaire en cours ou interrompus",
                reverse("directory:imports"),
                [
                    DueItem(
                        str(run),
                        reverse("directory:import_run", args=[run.pk]),
                        "interrompu" if run.is_interrupted else "en cours",
                    )
                    for run in runs
                ],
            ),
            Counter(
                "contact_imports",
                sheet_count,
                "import de contacts en attente de l’association des colonnes",
                "imports de contacts en attente de l’association des colonnes",
                reverse("people:import_upload"),
                [
                    DueItem(
                        sheet.filename,
                        reverse("people:import", args=[sheet.pk]),
                        f"déposé le {_date(sheet.created_at)}",
                    )
                    for sheet in sheets
                ],
            ),
            jobs_counter(),
        ],
    )


def jobs_counter() -> Counter:
    count, runs = _shown(failing_now())
    url = reverse("web:periodic_jobs")
    return Counter(
        "failed_jobs",
        count,
        "tâche planifiée en échec",
        "tâches planifiées en échec",
        url,
        [DueItem(_job_label(run.job), url, f"le {_date(run.period_start)}") for run in runs],
    )


def _job_label(name: str) -> str:
    job = job_named(name)
    return job.description if job else name


@dataclass(frozen=True)
class ComingActivity:
    activity: object
    confirmed: int
    waitlisted: int
    capacity: int | None

    @property
    def fill_rate(self) -> float | None:
        """Confirmed seats over capacity, in percent; None when the activity has no limit."""
        if not self.capacity:
            return None
        return 100 * self.confirmed / self.capacity

    @property
    def fill_text(self) -> str:
        """« 60 % », rounded to the unit."""
        return percent(self.fill_rate or 0, 0)


def coming_activities() -> tuple[int, list[ComingActivity]]:
    activities = coming_for_staff(AGENDA_DAYS)
    count = activities.count()
    rows = [
        ComingActivity(a, a.confirmed_total, a.waitlisted_total, a.capacity)
        for a in activities[:ACTIVITIES_SHOWN]
    ]
    return count, rows


def desk() -> dict:
    """Everything the staff home shows."""
    activity_count, activities = coming_activities()
    return {
        "agenda_days": AGENDA_DAYS,
        "activity_count": activity_count,
        "activities": activities,
        "sections": [
            directory_section(),
            support_section(),
            needs_section(),
            network_section(),
            imports_section(),
        ],
    }
