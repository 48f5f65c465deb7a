from django.urls import path

from maillage.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("annuaire/", views.upcoming_section, {"section": "directory"}, name="directory"),
    path("carte/", views.upcoming_section, {"section": "map"}, name="map"),
    path("observatoire/", views.upcoming_section, {"section": "observatory"}, name="observatory"),
    path("agenda/", views.upcoming_section, {"section": "agenda"}, name="agenda"),
    path("espace-membre/", views.member_space, name="member_space"),
    path("mentions-legales/", views.legal, name="legal"),
]
