from django.urls import path

from maillage.network.working_groups.views import documents, groups, meetings, personal

app_name = "working_groups"
urlpatterns = [
    path("groupes/", groups.group_list, name="list"),
    path("groupes/nouveau/", groups.create_group, name="create"),
    path("groupes/<slug:slug>/", groups.group_page, name="detail"),
    path("groupes/<slug:slug>/modifier/", groups.edit_group, name="edit"),
    path("groupes/<slug:slug>/rejoindre/", personal.join, name="join"),
    path("groupes/<slug:slug>/quitter/", personal.leave, name="leave"),
    path("groupes/<slug:slug>/membres/", groups.add_member, name="add_member"),
    path(
        "groupes/<slug:slug>/membres/<id:person_pk>/retirer/",
        groups.remove_member,
        name="remove_member",
    ),
    path("groupes/<slug:slug>/reunions/", meetings.schedule, name="schedule"),
    path("groupes/<slug:slug>/reunions/<id:pk>/", meetings.minutes, name="minutes"),
    path("groupes/<slug:slug>/documents/", documents.upload, name="upload"),
    path("groupes/<slug:slug>/documents/<id:pk>/", documents.download, name="document"),
    path("groupes/<slug:slug>/documents/<id:pk>/supprimer/", documents.delete, name="delete"),
    path("espace-membre/groupes/", personal.my_groups, name="mine"),
]
