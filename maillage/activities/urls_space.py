from django.urls import path

from maillage.activities.views import mine

urlpatterns = [
    path("", mine.my_registrations, name="mine"),
    path("<id:pk>-<str:key>.ics", mine.my_feed, name="feed"),
]
