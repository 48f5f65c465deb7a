from django.urls import path

from maillage.network.memberships.views import join

urlpatterns = [
    path("", join.join_page, name="join"),
    path("demande-envoyee/", join.join_sent, name="join_sent"),
]
