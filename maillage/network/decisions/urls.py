from django.urls import path

from maillage.network.decisions.views import members, staff

app_name = "decisions"
urlpatterns = [
    path("decisions/", members.proposal_list, name="list"),
    path("decisions/<id:pk>/", members.proposal_detail, name="detail"),
    path("decisions/<id:pk>/voter/", members.vote, name="vote"),
    path("decisions/nouvelle/", staff.create, name="create"),
    path("decisions/<id:pk>/modifier/", staff.edit, name="edit"),
    path("decisions/<id:pk>/ouvrir/", staff.open_votes, name="open"),
    path("decisions/<id:pk>/clore/", staff.close_votes, name="close"),
]
