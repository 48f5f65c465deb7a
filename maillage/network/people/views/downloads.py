"""The single-use download of a data export, for whoever asked for it (staff or the person)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from maillage.network.people import exports


def download_export(request, token: str):
    try:
        link = exports.redeem(token, request.user, request.session.session_key)
    except exports.LinkRefused as refusal:
        return render(
            request, "people/link_refused.html", {"reason": str(refusal)}, status=refusal.status
        )
    content = exports.build_export(link.person, user=link.created_by)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="donnees-personnelles-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response
