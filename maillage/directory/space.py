"""The directory's cards in the member space: representatives' organisations, staff's tools."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard

STAFF_SECTION = "Gestion du pôle"


def _waiting(count: int, one: str, many: str, none: str) -> str:
    """'3 demandes attendent votre décision.' (the count read from rows), or `none`."""
    if not count:
        return none
    number = f"{count:_}".replace("_", "\u202f")
    return f"{number} {one if count == 1 else many} votre décision."


def cards(user) -> list[SpaceCard]:
    from maillage.directory.models import Claim, DuplicateCandidate, EditProposal, LegalUnit

    cards = []
    if user.has_member_account or user.is_partner:
        cards.append(
            SpaceCard(
                "Mes structures",
                reverse("space:directory:my_organisations"),
                "Mettre à jour la fiche de votre organisation dans l’annuaire et la confirmer.",
            )
        )
    if user.is_hub_staff:
        claims = Claim.objects.pending().count()
        proposals = EditProposal.objects.pending().count()
        pairs = DuplicateCandidate.objects.proposed().count()
        to_review = LegalUnit.objects.needing_review().count()
        cards += [
            SpaceCard(
                "Demandes de rattachement",
                reverse("directory:staff_claims"),
                _waiting(
                    claims,
                    "demande de rattachement attend",
                    "demandes de rattachement attendent",
                    "Aucune personne n’attend de pouvoir gérer une fiche.",
                ),
                section=STAFF_SECTION,
            ),
            SpaceCard(
                "Modifications de fiches à valider",
                reverse("directory:staff_proposals"),
                _waiting(
                    proposals,
                    "modification proposée attend",
                    "modifications proposées attendent",
                    "Aucune modification proposée par les structures n’est en attente.",
                ),
                section=STAFF_SECTION,
            ),
            SpaceCard(
                "Doublons probables de l’annuaire",
                reverse("directory:staff_duplicates"),
                _waiting(
                    pairs,
                    "paire de fiches attend",
                    "paires de fiches attendent",
                    "Aucune paire de fiches en double n’est à examiner.",
                ),
                section=STAFF_SECTION,
            ),
            SpaceCard(
                "Familles de l’ESS à vérifier",
                reverse("directory:staff_review"),
                _waiting(
                    to_review,
                    "organisation dont la règle ne tranche pas la famille attend",
                    "organisations dont la règle ne tranche pas la famille attendent",
                    "Aucune organisation n’attend que l’équipe décide de sa famille.",
                ),
                section=STAFF_SECTION,
            ),
            SpaceCard(
                "Fiches à faire confirmer",
                reverse("directory:staff_stale"),
                "Les fiches anciennes et les rappels envoyés à leurs représentants.",
                section=STAFF_SECTION,
            ),
            SpaceCard(
                "Imports de l’annuaire",
                reverse("directory:imports"),
                "Déposer un fichier SIRENE, RNA, GoGoCarto ou le tableur, et lire ses rapports.",
                section=STAFF_SECTION,
            ),
            SpaceCard(
                "Ce que cherchent les visiteurs",
                reverse("directory:search_report"),
                "Les recherches fréquentes de l’annuaire, et celles restées sans résultat.",
                section=STAFF_SECTION,
            ),
        ]
    return cards
