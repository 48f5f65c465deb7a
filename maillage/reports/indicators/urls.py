from django.urls import path

from maillage.reports.indicators import views

urlpatterns = [
    path("cibles/", views.targets_now, name="targets_now"),
    path("cibles/<int:year>/", views.targets, name="targets"),
    path("cibles/<int:year>/<str:code>/", views.edit_targets, name="edit_targets"),
]
