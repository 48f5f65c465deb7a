from django.urls import path

from maillage.reports.funding.views import mandates

urlpatterns = [
    path("", mandates.mandate_list, name="mandates"),
    path("nouveau/", mandates.mandate_create, name="mandate_create"),
    path("instances/nouvelle/", mandates.body_create, name="body_create"),
    path("<id:pk>/", mandates.mandate_page, name="mandate"),
    path("<id:pk>/modifier/", mandates.mandate_edit, name="mandate_edit"),
    path("<id:pk>/comptes-rendus/", mandates.add_report, name="add_mandate_report"),
]
