"""The staff page of the periodic jobs: what runs when, the last run and the last failure."""

from django.shortcuts import render

from maillage.accounts.permissions import staff_required
from maillage.core.scheduling import overview


@staff_required
def periodic_jobs(request):
    return render(request, "web/periodic_jobs.html", {"jobs": overview()})
