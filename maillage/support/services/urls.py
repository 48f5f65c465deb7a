from django.urls import path

from maillage.support.services.views import orientation, public, space, staff

app_name = "services"
urlpatterns = [
    path("accompagnement/", orientation.questions, name="orientation"),
    path("accompagnement/resultats/", orientation.results, name="results"),
    path("accompagnement/resultats/envoyer/", orientation.send_summary, name="send_summary"),
    path("accompagnement/services/", public.offer, name="offer"),
    path("accompagnement/services/<id:pk>/", public.detail, name="detail"),
    path("accompagnement/services.json", public.export_json, name="export_json"),
    path("accompagnement/services.csv", public.export_csv, name="export_csv"),
    path("accompagnement/validation/", staff.queue, name="validation"),
    path("accompagnement/validation/nouveau/", staff.create, name="staff_create"),
    path("accompagnement/validation/<id:pk>/", staff.review, name="review"),
    path("accompagnement/validation/<id:pk>/modifier/", staff.edit, name="staff_edit"),
    path("accompagnement/validation/<id:pk>/publier/", staff.publish, name="publish"),
    path("accompagnement/validation/<id:pk>/renvoyer/", staff.send_back, name="send_back"),
    path("accompagnement/validation/<id:pk>/fermer/", staff.close, name="staff_close"),
    path("espace-membre/services/", space.service_list, name="space_list"),
    path("espace-membre/services/nouveau/", space.create, name="space_create"),
    path("espace-membre/services/<id:pk>/modifier/", space.edit, name="space_edit"),
    path("espace-membre/services/<id:pk>/envoyer/", space.submit, name="space_submit"),
    path("espace-membre/services/<id:pk>/fermer/", space.close, name="space_close"),
]
