from django.urls import path

from maillage.directory.views import public

urlpatterns = [
    path("annuaire/", public.directory_list, name="list"),
    path("annuaire/recherches/", public.search_report, name="search_report"),
    path("annuaire/<id:pk>/", public.detail_without_slug, name="detail_without_slug"),
    path("annuaire/<id:pk>-<slug:slug>/", public.detail, name="detail"),
]
