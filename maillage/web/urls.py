from django.urls import path

from maillage.web import schedule, views

urlpatterns = [
    path("", views.home, name="home"),
    path("equipe/", views.staff_home, name="staff_home"),
    path("mentions-legales/", views.legal, name="legal"),
    path("taches-planifiees/", schedule.periodic_jobs, name="periodic_jobs"),
]
