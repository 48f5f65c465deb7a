from django.urls import path

from maillage.plan import views

urlpatterns = [
    path("valeurs/", views.values, name="values"),
    path("projet/", views.project, name="project"),
    path("qui-sommes-nous/", views.about, name="about"),
]
