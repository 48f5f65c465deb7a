from django.urls import path

from maillage.reports.report_files import views

urlpatterns = [
    path("<int:year>/versions/<int:number>/fichiers/", views.panel, name="panel"),
    path("<int:year>/versions/<int:number>/fichiers/preparer/", views.generate, name="generate"),
    path(
        "<int:year>/versions/<int:number>/fichiers/<slug:file_format>/",
        views.download,
        name="download",
    ),
]
