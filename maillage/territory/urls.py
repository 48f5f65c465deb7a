from django.urls import path

from maillage.territory import views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("communes.geojson", views.communes_geojson, name="communes_geojson"),
]
