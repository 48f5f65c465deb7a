from django.urls import path

from maillage.network.decisions.views import members, staff

urlpatterns = [
    path("", members.proposal_list, name="list"),
    path("<id:pk>/", members.proposal_detail, name="detail"),
    path("<id:pk>/voter/", members.vote, name="vote"),
    path("nouvelle/", staff.create, name="create"),
    path("<id:pk>/modifier/", staff.edit, name="edit"),
    path("<id:pk>/ouvrir/", staff.open_votes, name="open"),
    path("<id:pk>/clore/", staff.close_votes, name="close"),
]
