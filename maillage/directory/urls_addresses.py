from django.urls import path

from maillage.directory.views import addresses

# Address completion for the forms that place an entry.
urlpatterns = [
    path("suggestions/", addresses.address_suggestions, name="address_suggestions"),
]
