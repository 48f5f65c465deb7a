from django.urls import path

from maillage.support.services.views import orientation, public, staff

urlpatterns = [
    path("", orientation.questions, name="orientation"),
    path("resultats/", orientation.results, name="results"),
    path("resultats/envoyer/", orientation.send_summary, name="send_summary"),
    path("services/", public.offer, name="offer"),
    path("services/<id:pk>/", public.detail, name="detail"),
    path("services.json", public.export_json, name="export_json"),
    path("services.csv", public.export_csv, name="export_csv"),
    path("validation/", staff.queue, name="validation"),
    path("validation/nouveau/", staff.create, name="staff_create"),
    path("validation/<id:pk>/", staff.review, name="review"),
    path("validation/<id:pk>/modifier/", staff.edit, name="staff_edit"),
    path("validation/<id:pk>/publier/", staff.publish, name="publish"),
    path("validation/<id:pk>/renvoyer/", staff.send_back, name="send_back"),
    path("validation/<id:pk>/fermer/", staff.close, name="staff_close"),
]
