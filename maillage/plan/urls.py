from django.urls import path

from maillage.plan import views

app_name = "plan"
urlpatterns = [
    path("valeurs/", views.values, name="values"),
    path("projet/", views.project, name="project"),
    path("qui-sommes-nous/", views.about, name="about"),
]
