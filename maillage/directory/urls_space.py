from django.urls import path

from maillage.directory.views import stewardship

# A representative's own entries.
urlpatterns = [
    path("", stewardship.my_organisations, name="my_organisations"),
    path("<id:pk>/modifier/", stewardship.edit_entry, name="edit_entry"),
    path("<id:pk>/confirmer/", stewardship.confirm_entry, name="confirm_entry"),
]
