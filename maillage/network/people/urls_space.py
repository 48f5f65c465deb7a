from django.urls import path

from maillage.network.people.views import mine

urlpatterns = [
    path("", mine.my_data, name="my_data"),
    path("consentement/", mine.my_consent, name="my_consent"),
    path("export/", mine.my_export, name="my_export"),
]
