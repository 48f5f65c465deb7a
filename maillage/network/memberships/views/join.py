"""The public « Devenir adhérent » page: the colleges and their dues, and the request form."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from maillage.core.ratelimit import Limit, limit_posts
from maillage.network.memberships import joining
from maillage.network.memberships.join_forms import JoinRequestForm
from maillage.network.memberships.models import College, DuesRate

# Enough for a family or an office sharing one address, too few for a robot's flood.
JOIN_REQUESTS = Limit("join-request", hits=5, period=timedelta(hours=1))


def _colleges():
    rates = Prefetch("rates", queryset=DuesRate.objects.order_by("order", "name"))
    return College.objects.prefetch_related(rates)


@require_http_methods(["GET", "HEAD", "POST"])
@login_not_required
@limit_posts(JOIN_REQUESTS)
def join_page(request):
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST":
        if form.is_robot:  # answered as a success, so the robot learns nothing
            return redirect("memberships:join_sent")
        if form.is_valid():
            joining.submit(form.cleaned_data["submission"], form.request_fields())
            return redirect("memberships:join_sent")
    status = 400 if form.is_bound else 200
    context = {"form": form, "colleges": _colleges()}
    return render(request, "memberships/join/page.html", context, status=status)


@require_safe
@login_not_required
def join_sent(request):
    return render(request, "memberships/join/sent.html")
