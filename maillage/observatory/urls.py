from django.urls import path

from maillage.observatory import views

app_name = "observatory"
urlpatterns = [
    path("observatoire/", views.overview, name="overview"),
    path("observatoire/tableaux/<slug:slug>.csv", views.table_csv, name="table_csv"),
    path("observatoire/graphiques/<slug:slug>.svg", views.chart_svg, name="chart_svg"),
    path("observatoire/graphiques/<slug:slug>.png", views.chart_png, name="chart_png"),
    path("observatoire/communes/<str:code>/", views.commune, name="commune"),
    path("observatoire/instantanes/", views.snapshots, name="snapshots"),
    path("observatoire/comparaison/", views.comparison, name="comparison"),
]
