from django.urls import path

from maillage.network.people.views import downloads

# The link of the « vos données sont prêtes » e-mail: no account needed, the token is the key.
urlpatterns = [
    path("export/<str:token>/", downloads.download_export, name="download_export"),
]
