from django.urls import path

from maillage.observatory import views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("tableaux/<slug:slug>.csv", views.table_csv, name="table_csv"),
    path("graphiques/<slug:slug>.svg", views.chart_svg, name="chart_svg"),
    path("graphiques/<slug:slug>.png", views.chart_png, name="chart_png"),
    path("communes/<str:code>/", views.commune, name="commune"),
    path("instantanes/", views.snapshots, name="snapshots"),
    path("millesimes/", views.vintages, name="vintages"),
    path("comparaison/", views.comparison, name="comparison"),
    path("chiffres-de-reference/", views.references, name="references"),
    path("chiffres-de-reference/nouveau/", views.reference_form, name="reference_create"),
    path("chiffres-de-reference/<id:pk>/", views.reference_form, name="reference_edit"),
    path(
        "chiffres-de-reference/<id:pk>/supprimer/",
        views.reference_delete,
        name="reference_delete",
    ),
]
