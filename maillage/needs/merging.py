"""Staff merge a duplicate into the need it repeats. Nothing is lost: supports, comments, offers
of help, places, themes, plan links and response links go to the kept need; a person who
supported both counts once. The duplicate is set aside with the reason, and its page leads to
the kept one."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.needs.enums import NeedStatus
from maillage.needs.errors import NeedError
from maillage.needs.models import Comment, HelpOffer, Need, Step, Support
from maillage.plan.links import actions_of, link_actions, link_publics, publics_of


def merge(duplicate: Need, kept: Need, by: Any, reason: str = "") -> Need:
    if duplicate.pk == kept.pk:
        raise NeedError("Un besoin ne peut pas être fusionné avec lui-même.")
    with transaction.atomic():
        # Both rows locked, always in the same order, so two merges cannot cross.
        locked = {
            n.pk: n
            for n in Need.objects.select_for_update()
            .filter(pk__in=[duplicate.pk, kept.pk])
            .order_by("pk")
        }
        duplicate, kept = locked[duplicate.pk], locked[kept.pk]
        _check(duplicate, kept)
        _carry_supports(duplicate, kept)
        Comment.objects.filter(need=duplicate).update(need=kept)
        _carry_help(duplicate, kept)
        _carry_relations(duplicate, kept)
        Step.objects.create(
            need=duplicate,
            from_status=duplicate.status,
            to_status=NeedStatus.SET_ASIDE,
            decided_on=timezone.localdate(),
            decided_by=by,
            reason=f"Doublon de « {kept.title} »"
            + (f" : {reason.strip()}" if reason.strip() else ""),
        )
        duplicate.status = NeedStatus.SET_ASIDE
        duplicate.status_changed_on = timezone.localdate()
        duplicate.merged_into = kept
        duplicate.save(update_fields=["status", "status_changed_on", "merged_into"])
    return kept


def _check(duplicate: Need, kept: Need) -> None:
    if duplicate.is_merged or kept.is_merged:
        raise NeedError("Un des deux besoins est déjà fusionné dans un autre.")
    if duplicate.is_closed:
        raise NeedError("Ce besoin est déjà clos : il ne peut plus être fusionné.")


def _carry_supports(duplicate: Need, kept: Need) -> None:
    both = Support.objects.filter(need=kept).values("user")
    Support.objects.filter(need=duplicate).exclude(user__in=both).update(need=kept)
    # Left on the duplicate: people who supported both, already counted on the kept need.
    Support.objects.filter(need=duplicate).delete()


def _carry_help(duplicate: Need, kept: Need) -> None:
    offered = {offer.legal_unit_id: offer for offer in HelpOffer.objects.filter(need=kept)}
    for offer in HelpOffer.objects.filter(need=duplicate):
        same = offered.get(offer.legal_unit_id)
        if same is None:
            offer.need = kept
            offer.save(update_fields=["need"])
        else:
            # The organisation offered help on both: its two texts are kept, one after the other.
            same.what = f"{same.what}\n\n{offer.what}"
            same.save(update_fields=["what"])
            offer.delete()


def _carry_relations(duplicate: Need, kept: Need) -> None:
    kept.communes.add(*duplicate.communes.all())
    kept.themes.add(*duplicate.themes.all())
    kept.response_groups.add(*duplicate.response_groups.all())
    kept.response_cases.add(*duplicate.response_cases.all())
    kept.response_services.add(*duplicate.response_services.all())
    kept.response_activities.add(*duplicate.response_activities.all())
    link_actions(kept, actions_of(duplicate))
    link_publics(kept, publics_of(duplicate))
