from django.urls import path

from maillage.activities.views import agenda, editing, personal, places, staff

urlpatterns = [
    path("", agenda.agenda, name="agenda"),
    path("agenda.ics", agenda.agenda_feed, name="feed"),
    path("archives/", agenda.archives, name="archives"),
    path("mois/<int:year>-<int:month>/", agenda.month, name="month"),
    # A registrant's personal link (from their e-mails): no account needed.
    path("inscription/<str:token>/", personal.registration_page, name="registration"),
    path("inscription/<str:token>/annuler/", personal.cancel, name="cancel"),
    path(
        "inscription/<str:token>/invitation.ics",
        personal.invitation,
        name="invitation",
    ),
    path("inscription/<str:token>/cycle.ics", personal.cycle_calendar, name="cycle_calendar"),
    path("inscription/<str:token>/avis/", personal.survey, name="survey"),
    path("inscription/<str:token>/attestation/", personal.certificate, name="certificate"),
    # The hub's staff
    path("equipe/", staff.activity_list, name="staff_list"),
    path("equipe/bilan/", staff.period_summary, name="staff_summary"),
    path("equipe/nouvelle/", editing.create, name="staff_create"),
    path("equipe/nouveau-cycle/", editing.create_series, name="staff_create_series"),
    path("equipe/cycles/<slug:slug>/", editing.edit_series, name="staff_edit_series"),
    path("equipe/lieux-d-accueil/", editing.host_suggestions, name="staff_hosts"),
    path("equipe/lieux/", places.place_list, name="staff_places"),
    path("equipe/lieux/nouveau/", places.create_place, name="staff_create_place"),
    path("equipe/lieux/<id:pk>/", places.edit_place, name="staff_edit_place"),
    path("equipe/<slug:slug>/", staff.activity_page, name="staff_activity"),
    path("equipe/<slug:slug>/modifier/", editing.edit, name="staff_edit"),
    path("equipe/<slug:slug>/dupliquer/", editing.duplicate, name="staff_duplicate"),
    path("equipe/<slug:slug>/annuler/", editing.cancel, name="staff_cancel_activity"),
    path("equipe/<slug:slug>/inscrits.csv", staff.export_registrants, name="staff_csv"),
    path("equipe/<slug:slug>/inscrire/", staff.register_by_hand, name="staff_register"),
    path("equipe/<slug:slug>/publics/", staff.record_audience, name="staff_audience"),
    path("equipe/<slug:slug>/questionnaire/", staff.send_survey, name="staff_survey"),
    path("equipe/<slug:slug>/message/", staff.announce, name="staff_announce"),
    path(
        "equipe/<slug:slug>/inscription/<id:pk>/presence/",
        staff.toggle_attendance,
        name="staff_attendance",
    ),
    path(
        "equipe/<slug:slug>/inscription/<id:pk>/annuler/",
        staff.cancel_registration,
        name="staff_cancel",
    ),
    path(
        "equipe/<slug:slug>/inscription/<id:pk>/attestation/",
        staff.staff_certificate,
        name="staff_certificate",
    ),
    # Activities last: their slugs share the agenda's prefix.
    path("<slug:slug>.ics", agenda.activity_feed, name="activity_feed"),
    path("<slug:slug>/", agenda.detail, name="detail"),
    path("<slug:slug>/inscription/", personal.register, name="register"),
    path(
        "<slug:slug>/inscription/envoyee/",
        personal.registration_sent,
        name="registration_sent",
    ),
]
