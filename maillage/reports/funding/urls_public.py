from django.urls import path

from maillage.reports.funding.views import open_data

urlpatterns = [
    path("", open_data.published_grants, name="published_grants"),
    path("subventions.csv", open_data.published_grants_csv, name="published_grants_csv"),
]
