from django.urls import path

from maillage.activities.views import agenda, personal, staff

app_name = "activities"
urlpatterns = [
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/agenda.ics", agenda.agenda_feed, name="feed"),
    path("agenda/archives/", agenda.archives, name="archives"),
    path("agenda/mois/<int:year>-<int:month>/", agenda.month, name="month"),
    # A registrant's personal link (from their e-mails): no account needed.
    path("agenda/inscription/<str:token>/", personal.registration_page, name="registration"),
    path("agenda/inscription/<str:token>/annuler/", personal.cancel, name="cancel"),
    path(
        "agenda/inscription/<str:token>/invitation.ics",
        personal.invitation,
        name="invitation",
    ),
    path("agenda/inscription/<str:token>/avis/", personal.survey, name="survey"),
    path("agenda/inscription/<str:token>/attestation/", personal.certificate, name="certificate"),
    # The hub's staff
    path("agenda/equipe/", staff.activity_list, name="staff_list"),
    path("agenda/equipe/bilan/", staff.period_summary, name="staff_summary"),
    path("agenda/equipe/<slug:slug>/", staff.activity_page, name="staff_activity"),
    path("agenda/equipe/<slug:slug>/inscrits.csv", staff.export_registrants, name="staff_csv"),
    path("agenda/equipe/<slug:slug>/inscrire/", staff.register_by_hand, name="staff_register"),
    path("agenda/equipe/<slug:slug>/publics/", staff.record_audience, name="staff_audience"),
    path("agenda/equipe/<slug:slug>/questionnaire/", staff.send_survey, name="staff_survey"),
    path(
        "agenda/equipe/<slug:slug>/annonce/<slug:what>/",
        staff.announce,
        name="staff_announce",
    ),
    path(
        "agenda/equipe/<slug:slug>/inscription/<id:pk>/presence/",
        staff.toggle_attendance,
        name="staff_attendance",
    ),
    path(
        "agenda/equipe/<slug:slug>/inscription/<id:pk>/annuler/",
        staff.cancel_registration,
        name="staff_cancel",
    ),
    path(
        "agenda/equipe/<slug:slug>/inscription/<id:pk>/attestation/",
        staff.staff_certificate,
        name="staff_certificate",
    ),
    # Activities last: their slugs share the agenda's prefix.
    path("agenda/<slug:slug>.ics", agenda.activity_feed, name="activity_feed"),
    path("agenda/<slug:slug>/", agenda.detail, name="detail"),
    path("agenda/<slug:slug>/inscription/", personal.register, name="register"),
    path(
        "agenda/<slug:slug>/inscription/envoyee/",
        personal.registration_sent,
        name="registration_sent",
    ),
]
