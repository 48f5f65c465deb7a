from django.urls import path

from maillage.needs.views import participation, public, staff

urlpatterns = [
    path("", public.need_list, name="list"),
    path("carte/", public.need_map, name="map"),
    path("carte.geojson", public.map_geojson, name="map_geojson"),
    path("besoins.json", public.export_json, name="export_json"),
    path("exprimer/", public.submit, name="submit"),
    path("confirmer/<str:token>/", public.confirm, name="confirm"),
    path("<id:pk>/", public.detail, name="detail"),
    path("<id:pk>/soutenir/", participation.support, name="support"),
    path("<id:pk>/retirer-mon-soutien/", participation.withdraw, name="withdraw"),
    path("<id:pk>/commenter/", participation.comment, name="comment"),
    path("<id:pk>/proposer-aide/", participation.offer_help, name="offer_help"),
    # The staff and the hub's instance.
    path("qualification/", staff.queue, name="queue"),
    path("nouveau/", staff.create, name="create"),
    path("signaux/", staff.signal_list, name="signals"),
    path("signaux/retenir/", staff.accept_signal, name="accept_signal"),
    path("signaux/ecarter/", staff.dismiss_signal, name="dismiss_signal"),
    path("commentaires/<id:pk>/moderer/", staff.moderate, name="moderate"),
    path("<id:pk>/suivi/", staff.manage, name="manage"),
    path("<id:pk>/etape/", staff.move, name="move"),
    path("<id:pk>/reponse/", staff.set_response, name="response"),
    path("<id:pk>/modifier/", staff.edit, name="edit"),
    path("<id:pk>/fusionner/", staff.merge, name="merge"),
]
