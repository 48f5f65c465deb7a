from django.urls import path

from maillage.network.working_groups.views import personal

urlpatterns = [
    path("", personal.my_groups, name="mine"),
]
