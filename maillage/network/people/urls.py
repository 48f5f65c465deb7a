from django.urls import path

from maillage.network.people.views import book, downloads, imports, mine, person

app_name = "people"
urlpatterns = [
    path("contacts/", book.book, name="book"),
    path("contacts/export.csv", book.book_csv, name="book_csv"),
    path("contacts/nouveau/", person.create, name="create"),
    path("contacts/import/", imports.upload, name="import_upload"),
    path("contacts/import/<id:pk>/", imports.import_page, name="import"),
    path("contacts/import/<id:pk>/rejets.csv", imports.rejects, name="import_rejects"),
    path("contacts/<id:pk>/", person.detail, name="person"),
    path("contacts/<id:pk>/modifier/", person.edit, name="edit"),
    path("contacts/<id:pk>/structures/", person.add_affiliation, name="add_affiliation"),
    path(
        "contacts/<id:pk>/structures/<id:affiliation_pk>/",
        person.edit_affiliation,
        name="edit_affiliation",
    ),
    path(
        "contacts/<id:pk>/structures/<id:affiliation_pk>/retirer/",
        person.remove_affiliation,
        name="remove_affiliation",
    ),
    path("contacts/<id:pk>/echanges/", person.add_interaction, name="add_interaction"),
    path(
        "contacts/<id:pk>/echanges/<id:interaction_pk>/",
        person.edit_interaction,
        name="edit_interaction",
    ),
    path("contacts/<id:pk>/consentements/", person.record_consent, name="record_consent"),
    path("contacts/<id:pk>/export/", person.request_export, name="request_export"),
    path("contacts/<id:pk>/effacer/", person.erase, name="erase"),
    path("donnees/export/<str:token>/", downloads.download_export, name="download_export"),
    path("espace-membre/mes-donnees/", mine.my_data, name="my_data"),
    path("espace-membre/mes-donnees/consentement/", mine.my_consent, name="my_consent"),
    path("espace-membre/mes-donnees/export/", mine.my_export, name="my_export"),
]
