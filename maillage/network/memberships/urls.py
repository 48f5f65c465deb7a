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
    path("adhesions/<int:pk>/", staff.membership_detail, name="detail"),
    path("adhesions/<int:pk>/modifier/", staff.membership_edit, name="edit"),
    path("adhesions/<int:pk>/paiement/", staff.record_payment, name="payment"),
    path("adhesions/<int:pk>/statut/", staff.set_status, name="status"),
    path("adhesions/<int:pk>/recu/", receipts.receipt, name="receipt"),
    path("espace-membre/adhesion/", member.my_membership, name="mine"),
]
