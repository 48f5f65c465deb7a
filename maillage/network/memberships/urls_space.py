from django.urls import path

from maillage.network.memberships.views import member

urlpatterns = [
    path("", member.my_membership, name="mine"),
]
