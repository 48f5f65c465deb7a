from django.urls import path

from maillage.network.working_groups.views import documents, groups, meetings, personal

urlpatterns = [
    path("", groups.group_list, name="list"),
    path("nouveau/", groups.create_group, name="create"),
    path("<slug:slug>/", groups.group_page, name="detail"),
    path("<slug:slug>/modifier/", groups.edit_group, name="edit"),
    path("<slug:slug>/rejoindre/", personal.join, name="join"),
    path("<slug:slug>/quitter/", personal.leave, name="leave"),
    path("<slug:slug>/membres/", groups.add_member, name="add_member"),
    path(
        "<slug:slug>/membres/<id:person_pk>/retirer/",
        groups.remove_member,
        name="remove_member",
    ),
    path("<slug:slug>/reunions/", meetings.schedule, name="schedule"),
    path("<slug:slug>/reunions/<id:pk>/", meetings.minutes, name="minutes"),
    path("<slug:slug>/documents/", documents.upload, name="upload"),
    path("<slug:slug>/documents/<id:pk>/", documents.download, name="document"),
    path("<slug:slug>/documents/<id:pk>/supprimer/", documents.delete, name="delete"),
]
