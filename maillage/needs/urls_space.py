from django.urls import path

from maillage.needs.views import member

urlpatterns = [
    path("", member.mine, name="mine"),
    path("soutiens/", member.my_supports, name="supports"),
]
