from django.urls import path

from maillage.network.memberships.views import board, campaign, receipts, requests, staff

urlpatterns = [
    path("", staff.membership_list, name="list"),
    path("nouvelle/structure/", staff.create_for_organisation, name="create_organisation"),
    path("nouvelle/personne/", staff.create_for_person, name="create_person"),
    path("conseil/", board.board, name="board"),
    path("conseil/nouveau/", board.board_seat_create, name="board_seat_create"),
    path("conseil/<id:pk>/modifier/", board.board_seat_edit, name="board_seat_edit"),
    path("renouvellement/", campaign.renewal_page, name="renewal"),
    path("renouvellement/relancer/", campaign.send_reminders, name="send_reminders"),
    path("demandes/", requests.request_list, name="join_requests"),
    path("demandes/<id:pk>/", requests.request_detail, name="join_request"),
    path("demandes/<id:pk>/accepter/", requests.accept, name="join_accept"),
    path("demandes/<id:pk>/refuser/", requests.refuse, name="join_refuse"),
    path("<id:pk>/", staff.membership_detail, name="detail"),
    path("<id:pk>/modifier/", staff.membership_edit, name="edit"),
    path("<id:pk>/paiement/", staff.record_payment, name="payment"),
    path("<id:pk>/statut/", staff.set_status, name="status"),
    path("<id:pk>/recu/", receipts.receipt, name="receipt"),
]
