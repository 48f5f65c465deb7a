from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from maillage.plan import queries


@login_not_required
def values(request):
    return render(
        request,
        "plan/values.html",
        {"texts": queries.plan_texts(), "families": list(queries.value_families())},
    )


@login_not_required
def project(request):
    return render(
        request,
        "plan/project.html",
        {"texts": queries.plan_texts(), "objectives": queries.project_outline()},
    )


@login_not_required
def about(request):
    return render(request, "plan/about.html", {"sections": list(queries.identity_sections())})
