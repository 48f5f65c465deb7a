from django.urls import path

from maillage.support.journeys.views import cases, dashboard, partner, records

app_name = "journeys"

CASE = "accompagnement/dossiers/<id:pk>/"

urlpatterns = [
    path("accompagnement/dossiers/", cases.case_list, name="case_list"),
    path("accompagnement/dossiers/nouveau/", cases.case_create, name="case_create"),
    path(CASE, cases.case_page, name="case"),
    path(CASE + "modifier/", cases.case_edit, name="case_edit"),
    path(CASE + "etape/", records.change_stage, name="change_stage"),
    path(CASE + "rendez-vous/", records.add_appointment, name="add_appointment"),
    path(CASE + "notes/", records.add_note, name="add_note"),
    path(CASE + "documents/", records.add_document, name="add_document"),
    path(CASE + "documents/<id:document_pk>/", records.document, name="document"),
    path(CASE + "prochaines-etapes/", records.add_next_step, name="add_next_step"),
    path(
        CASE + "prochaines-etapes/<id:step_pk>/faite/",
        records.complete_next_step,
        name="complete_next_step",
    ),
    path(CASE + "orientations/", records.refer, name="refer"),
    path(CASE + "clore/", records.close, name="close"),
    path("accompagnement/tableau-de-bord/", dashboard.dashboard, name="dashboard"),
    path(
        "accompagnement/tableau-de-bord/<slug:slug>.csv",
        dashboard.dashboard_csv,
        name="dashboard_csv",
    ),
    # The partner's space
    path("espace-membre/orientations/", partner.referral_list, name="partner_referrals"),
    path("espace-membre/orientations/<id:pk>/", partner.referral_page, name="partner_referral"),
    path("espace-membre/orientations/<id:pk>/accepter/", partner.accept, name="partner_accept"),
    path("espace-membre/orientations/<id:pk>/decliner/", partner.decline, name="partner_decline"),
    path("espace-membre/orientations/<id:pk>/realisee/", partner.complete, name="partner_complete"),
]
