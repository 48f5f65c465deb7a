"""A person's own pages in the member space: the needs they expressed, those they support."""

from __future__ import annotations

from django.shortcuts import render

from maillage.needs.models import Need, Support


def mine(request):
    needs = (
        Need.objects.filter(submitted_by=request.user, merged_into__isnull=True)
        .with_counts()
        .order_by("-created_at", "-pk")
    )
    return render(request, "needs/member/mine.html", {"needs": needs})


def my_supports(request):
    needs = (
        Need.objects.visible_to(request.user)
        # A subquery, not a join: the counts stay those of every supporter.
        .filter(pk__in=Support.objects.filter(user=request.user).values("need"))
        .with_counts()
        .order_by("-created_at", "-pk")
    )
    return render(request, "needs/member/supports.html", {"needs": needs})
