from django.urls import path

from maillage.reports.annual import views

urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:year>/", views.report, name="report"),
    path("<int:year>/textes/", views.texts, name="texts"),
    path("<int:year>/figer/", views.freeze_report, name="freeze"),
    path("<int:year>/versions/<int:number>/", views.version, name="version"),
    path("<int:year>/versions/<int:number>/publier/", views.publish_version, name="publish"),
]
