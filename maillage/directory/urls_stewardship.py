from django.urls import path

from maillage.directory.views import exports, families, locations, staff, stewardship

urlpatterns = [
    path("<id:pk>/revendiquer/", stewardship.claim, name="claim"),
    path("imports/", staff.imports, name="imports"),
    path("imports/<id:pk>/", staff.import_run, name="import_run"),
    path(
        "imports/<id:pk>/rejets.csv",
        staff.import_rejections_csv,
        name="import_rejections_csv",
    ),
    path(
        "imports/modele-annuaire.csv",
        staff.spreadsheet_template,
        name="spreadsheet_template",
    ),
    path("equipe/demandes/", staff.claim_list, name="staff_claims"),
    path("equipe/demandes/<id:pk>/", staff.decide_claim, name="decide_claim"),
    path("equipe/modifications/", staff.proposal_list, name="staff_proposals"),
    path("equipe/modifications/<id:pk>/", staff.decide_proposal, name="decide_proposal"),
    path("equipe/a-confirmer/", staff.stale_list, name="staff_stale"),
    path("equipe/doublons/", staff.duplicate_list, name="staff_duplicates"),
    path("equipe/doublons/<id:pk>/", staff.decide_duplicate, name="decide_duplicate"),
    path("equipe/a-verifier/", families.review_list, name="staff_review"),
    path("equipe/familles/<id:pk>/", families.family_decision, name="family_decision"),
    path("equipe/lieux/", locations.location_checks, name="staff_location_checks"),
    path(
        "equipe/lieux/<id:pk>/",
        locations.decide_location_check,
        name="decide_location_check",
    ),
    path("equipe/exports/", exports.export_page, name="staff_exports"),
    path("equipe/exports/<id:pk>/", exports.export_status, name="staff_export"),
    path("equipe/exports/<id:pk>/fichier/", exports.export_download, name="staff_export_file"),
    path("equipe/fiches/<id:pk>/", staff.entry_history, name="entry_history"),
    path("equipe/fiches/<id:pk>/modifier/", staff.edit_entry, name="staff_edit_entry"),
]
