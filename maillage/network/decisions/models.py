from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.core.plain_text import PLAIN_TEXT_HELP
from maillage.network.decisions.enums import Choice, Method, ProposalStatus, Secrecy, VoterScope


class ProposalQuerySet(models.QuerySet):
    def open(self) -> ProposalQuerySet:
        return self.filter(status=ProposalStatus.OPEN)

    def closed(self) -> ProposalQuerySet:
        return self.filter(status=ProposalStatus.CLOSED)

    def published(self) -> ProposalQuerySet:
        """Open or closed: what members see (drafts are the staff's)."""
        return self.exclude(status=ProposalStatus.DRAFT)

    def accepting_votes(self, now=None) -> ProposalQuerySet:
        now = now or timezone.now()
        return self.open().filter(opens_at__lte=now, deadline__gt=now)

    def due(self, now=None) -> ProposalQuerySet:
        """Open proposals whose deadline has passed: the closing job's work."""
        return self.open().filter(deadline__lte=now or timezone.now())

    def visible_to(self, user) -> ProposalQuerySet:
        if user.is_authenticated and user.is_hub_staff:
            return self.all()
        if user.is_authenticated and user.is_member:
            return self.published()
        return self.none()


class Proposal(models.Model):
    """A question put to a working group or to the whole membership, with its method and rules.

    Quorum is a percentage of the eligible voters (0: no quorum), counted in voices cast,
    abstentions included, whatever the weights: participation is about who took part.
    """

    title = models.CharField("intitulé", max_length=200)
    text = models.TextField("texte de la proposition", help_text=PLAIN_TEXT_HELP)
    # The one-time token of the form that wrote it: a replayed creation finds it.
    submission_token = token_field()
    group = models.ForeignKey(
        "working_groups.WorkingGroup",
        verbose_name="groupe de travail",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        help_text="Vide : la proposition est soumise à l’ensemble des adhérents.",
    )
    method = models.CharField("méthode", max_length=20, choices=Method.choices)
    voter_scope = models.CharField(
        "qui vote", max_length=20, choices=VoterScope.choices, default=VoterScope.PERSON
    )
    weighted = models.BooleanField(
        "pondérer les voix par collège",
        default=False,
        help_text="Chaque voix compte le poids du collège de l’adhésion qui la rend possible.",
    )
    quorum_percent = models.PositiveSmallIntegerField(
        "quorum (% des votants possibles)",
        default=0,
        help_text="Part des votants possibles qui doivent s’exprimer (abstentions comprises) ; "
        "0 : pas de quorum.",
    )
    secrecy = models.CharField(
        "publicité des votes",
        max_length=20,
        choices=Secrecy.choices,
        default=Secrecy.RESULTS_ONLY,
    )
    opens_at = models.DateTimeField("ouverture du vote", null=True, blank=True)
    deadline = models.DateTimeField("date limite")
    status = models.CharField(
        "état", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    # The membership year whose members vote: fixed when the proposal opens.
    membership_year = models.PositiveSmallIntegerField("année d’adhésion", null=True, blank=True)
    result = models.JSONField("résultat", null=True, blank=True, editable=False)
    closed_at = models.DateTimeField("close le", null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "proposition"
        verbose_name_plural = "propositions"
        ordering = ["-deadline", "-pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="proposal_status_deadline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(deadline__gt=F("opens_at")),
                name="proposal_deadline_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(quorum_percent__lte=100), name="proposal_quorum_is_a_percentage"
            ),
            # A working group gathers people: its proposals are voted one voice per person.
            models.CheckConstraint(
                condition=Q(group__isnull=True) | Q(voter_scope=VoterScope.PERSON),
                name="proposal_group_votes_per_person",
            ),
            # Colleges weigh the membership's voices, not a working group's.
            models.CheckConstraint(
                condition=Q(group__isnull=True) | Q(weighted=False),
                name="proposal_group_votes_unweighted",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.CLOSED) | Q(result__isnull=False),
                name="proposal_closed_has_result",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == ProposalStatus.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status == ProposalStatus.CLOSED

    @property
    def is_consent(self) -> bool:
        return self.method == Method.CONSENT

    @property
    def is_nominative(self) -> bool:
        return self.secrecy == Secrecy.NOMINATIVE

    @property
    def per_organisation(self) -> bool:
        return self.voter_scope == VoterScope.ORGANISATION

    def accepts_votes(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == ProposalStatus.OPEN
            and self.opens_at is not None
            and self.opens_at <= now < self.deadline
        )


class Option(models.Model):
    """One of the answers of a vote."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="options")
    label = models.CharField("option", max_length=200)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "option"
        verbose_name_plural = "options"
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "label"], name="option_label_once")
        ]

    def __str__(self) -> str:
        return self.label


class VoteQuerySet(models.QuerySet):
    def of_voter(self, voter) -> VoteQuerySet:
        return self.filter(**Vote.voter_lookup(voter))


class Vote(models.Model):
    """One voice of one voter (an organisation or a person) on one proposal, changed in place.

    The database holds the rule "one voice per voter": a conditional unique constraint per kind
    of voter, and a check that a voice has exactly one voter.
    """

    proposal = models.ForeignKey(
        Proposal, verbose_name="proposition", on_delete=models.CASCADE, related_name="votes"
    )
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure votante",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name="personne votante",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
    )
    option = models.ForeignKey(
        Option, verbose_name="option", on_delete=models.PROTECT, null=True, blank=True
    )
    choice = models.CharField("position", max_length=20, choices=Choice.choices, blank=True)
    reason = models.TextField("motif", blank=True)
    weight = models.DecimalField("poids", max_digits=5, decimal_places=2, default=1)
    # Who cast it, for the audit of an organisation's voice (kept until the person is erased).
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="exprimée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cast_at = models.DateTimeField("exprimée le", default=timezone.now)
    changed_count = models.PositiveIntegerField("modifications", default=0)

    objects = VoteQuerySet.as_manager()

    class Meta:
        verbose_name = "voix"
        verbose_name_plural = "voix"
        ordering = ["proposal", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(legal_unit__isnull=False, person__isnull=True)
                | Q(legal_unit__isnull=True, person__isnull=False),
                name="vote_one_voter",
            ),
            models.UniqueConstraint(
                fields=["proposal", "legal_unit"],
                condition=Q(legal_unit__isnull=False),
                name="vote_once_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["proposal", "person"],
                condition=Q(person__isnull=False),
                name="vote_once_per_person",
            ),
            # An option, or a position (consent, objection, abstention), never both or neither.
            models.CheckConstraint(
                condition=Q(option__isnull=False, choice="")
                | Q(~Q(choice=""), option__isnull=True),
                name="vote_option_or_position",
            ),
            models.CheckConstraint(
                condition=~Q(choice=Choice.OBJECTION) | ~Q(reason=""),
                name="vote_objection_has_reason",
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="vote_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.voter} – {self.proposal}"

    @staticmethod
    def voter_lookup(voter) -> dict:
        from maillage.network.people.models import Person

        return {"person": voter} if isinstance(voter, Person) else {"legal_unit": voter}

    @property
    def voter(self):
        return self.legal_unit or self.person

    @property
    def position_label(self) -> str:
        return self.option.label if self.option_id else self.get_choice_display()
