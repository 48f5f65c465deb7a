from django.urls import path

from maillage.support.services.views import space

# A partner's own services, written and sent for validation.
urlpatterns = [
    path("", space.service_list, name="space_list"),
    path("nouveau/", space.create, name="space_create"),
    path("<id:pk>/modifier/", space.edit, name="space_edit"),
    path("<id:pk>/envoyer/", space.submit, name="space_submit"),
    path("<id:pk>/fermer/", space.close, name="space_close"),
]
