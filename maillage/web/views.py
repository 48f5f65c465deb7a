from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Sum
from django.shortcuts import render
from django.utils import timezone

from maillage.accounts.permissions import staff_required
from maillage.accounts.space import cards_for
from maillage.activities.queries import next_public
from maillage.directory.queries import listed_organisations
from maillage.privacy.notice import processings
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory
from maillage.web.desk import desk


@login_not_required
def home(request):
    territory = current_territory()
    figures = None
    if territory is not None:
        figures = Commune.objects.in_territory(territory).aggregate(
            communes=Count("pk"), population=Sum("population")
        )
    return render(
        request,
        "web/home.html",
        {
            "territory": territory,
            "figures": figures,
            "organisations": listed_organisations(),
            "next_activities": next_public(),
        },
    )


def member_space(request):
    return render(request, "web/member_space.html", {"sections": cards_for(request.user)})


@staff_required
def staff_home(request):
    """What the team has to do today, each counter leading to its page."""
    return render(request, "web/staff_home.html", {"today": timezone.localdate(), **desk()})


@login_not_required
def legal(request):
    return render(request, "web/legal.html", {"processings": processings()})
