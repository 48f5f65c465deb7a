from django.urls import path

from maillage.support.journeys.views import cases, dashboard, records

CASE = "dossiers/<id:pk>/"

urlpatterns = [
    path("dossiers/", cases.case_list, name="case_list"),
    path("dossiers/nouveau/", cases.case_create, name="case_create"),
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
    path("tableau-de-bord/", dashboard.dashboard, name="dashboard"),
    path(
        "tableau-de-bord/<slug:slug>.csv",
        dashboard.dashboard_csv,
        name="dashboard_csv",
    ),
]
