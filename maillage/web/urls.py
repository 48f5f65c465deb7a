from django.urls import path

from maillage.web import schedule, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("espace-membre/", views.member_space, name="member_space"),
    path("equipe/", views.staff_home, name="staff_home"),
    path("mentions-legales/", views.legal, name="legal"),
    path("taches-planifiees/", schedule.periodic_jobs, name="periodic_jobs"),
]
