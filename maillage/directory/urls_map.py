from django.urls import path

from maillage.directory.views import map

# The map of published entries.
urlpatterns = [
    path("", map.map_page, name="map"),
    path("points.geojson", map.map_points, name="map_points"),
    path("structures/<id:pk>.json", map.map_card, name="map_card"),
]
