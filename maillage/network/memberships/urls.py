from django.urls import path

from maillage.network.memberships.views import campaign, member, receipts, staff

app_name = "memberships"
urlpatterns = [
    path("adhesions/", staff.membership_list, name="list"),
    path(
        "adhesions/nouvelle/structure/", staff.create_for_organisation, name="create_organisation"
    ),
    path("adhesions/nouvelle/personne/", staff.create_for_person, name="create_person"),
    path("adhesions/renouvellement/", campaign.renewal_page, name="renewal"),
    path("adhesions/renouvellement/relancer/", campaign.send_reminders, name="send_reminders"),
    path("adhesions/<id:pk>/", staff.membership_detail, name="detail"),
    path("adhesions/<id:pk>/modifier/", staff.membership_edit, name="edit"),
    path("adhesions/<id:pk>/paiement/", staff.record_payment, name="payment"),
    path("adhesions/<id:pk>/statut/", staff.set_status, name="status"),
    path("adhesions/<id:pk>/recu/", receipts.receipt, name="receipt"),
    path("espace-membre/adhesion/", member.my_membership, name="mine"),
]
