from django.urls import path

from maillage.network.decisions.views import members, staff

app_name = "decisions"
urlpatterns = [
    path("decisions/", members.proposal_list, name="list"),
    path("decisions/<int:pk>/", members.proposal_detail, name="detail"),
    path("decisions/<int:pk>/voter/", members.vote, name="vote"),
    path("decisions/nouvelle/", staff.create, name="create"),
    path("decisions/<int:pk>/modifier/", staff.edit, name="edit"),
    path("decisions/<int:pk>/ouvrir/", staff.open_votes, name="open"),
    path("decisions/<int:pk>/clore/", staff.close_votes, name="close"),
]
