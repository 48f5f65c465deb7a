from django.urls import path

from maillage.network.people.views import book, imports, person

urlpatterns = [
    path("", book.book, name="book"),
    path("export.csv", book.book_csv, name="book_csv"),
    path("nouveau/", person.create, name="create"),
    path("import/", imports.upload, name="import_upload"),
    path("import/<id:pk>/", imports.import_page, name="import"),
    path("import/<id:pk>/rejets.csv", imports.rejects, name="import_rejects"),
    path("<id:pk>/", person.detail, name="person"),
    path("<id:pk>/modifier/", person.edit, name="edit"),
    path("<id:pk>/structures/", person.add_affiliation, name="add_affiliation"),
    path(
        "<id:pk>/structures/<id:affiliation_pk>/",
        person.edit_affiliation,
        name="edit_affiliation",
    ),
    path(
        "<id:pk>/structures/<id:affiliation_pk>/retirer/",
        person.remove_affiliation,
        name="remove_affiliation",
    ),
    path("<id:pk>/echanges/", person.add_interaction, name="add_interaction"),
    path(
        "<id:pk>/echanges/<id:interaction_pk>/",
        person.edit_interaction,
        name="edit_interaction",
    ),
    path("<id:pk>/consentements/", person.record_consent, name="record_consent"),
    path("<id:pk>/export/", person.request_export, name="request_export"),
    path("<id:pk>/effacer/", person.erase, name="erase"),
]
