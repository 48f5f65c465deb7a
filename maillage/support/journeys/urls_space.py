from django.urls import path

from maillage.support.journeys.views import partner

# A partner's referrals: accept, decline, record as done.
urlpatterns = [
    path("", partner.referral_list, name="partner_referrals"),
    path("<id:pk>/", partner.referral_page, name="partner_referral"),
    path("<id:pk>/accepter/", partner.accept, name="partner_accept"),
    path("<id:pk>/decliner/", partner.decline, name="partner_decline"),
    path("<id:pk>/realisee/", partner.complete, name="partner_complete"),
]
