from django.urls import path

from maillage.directory.views import addresses, families, locations, staff, stewardship

urlpatterns = [
    path("annuaire/<id:pk>/revendiquer/", stewardship.claim, name="claim"),
    path("espace-membre/structures/", stewardship.my_organisations, name="my_organisations"),
    path("espace-membre/structures/<id:pk>/modifier/", stewardship.edit_entry, name="edit_entry"),
    path(
        "espace-membre/structures/<id:pk>/confirmer/",
        stewardship.confirm_entry,
        name="confirm_entry",
    ),
    path("annuaire/imports/", staff.imports, name="imports"),
    path("annuaire/imports/<id:pk>/", staff.import_run, name="import_run"),
    path(
        "annuaire/imports/<id:pk>/rejets.csv",
        staff.import_rejections_csv,
        name="import_rejections_csv",
    ),
    path(
        "annuaire/imports/modele-annuaire.csv",
        staff.spreadsheet_template,
        name="spreadsheet_template",
    ),
    path("annuaire/equipe/demandes/", staff.claim_list, name="staff_claims"),
    path("annuaire/equipe/demandes/<id:pk>/", staff.decide_claim, name="decide_claim"),
    path("annuaire/equipe/modifications/", staff.proposal_list, name="staff_proposals"),
    path("annuaire/equipe/modifications/<id:pk>/", staff.decide_proposal, name="decide_proposal"),
    path("annuaire/equipe/a-confirmer/", staff.stale_list, name="staff_stale"),
    path("annuaire/equipe/doublons/", staff.duplicate_list, name="staff_duplicates"),
    path("annuaire/equipe/doublons/<id:pk>/", staff.decide_duplicate, name="decide_duplicate"),
    path("annuaire/equipe/a-verifier/", families.review_list, name="staff_review"),
    path("annuaire/equipe/familles/<id:pk>/", families.family_decision, name="family_decision"),
    path("adresses/suggestions/", addresses.address_suggestions, name="address_suggestions"),
    path("annuaire/equipe/lieux/", locations.location_checks, name="staff_location_checks"),
    path(
        "annuaire/equipe/lieux/<id:pk>/",
        locations.decide_location_check,
        name="decide_location_check",
    ),
    path("annuaire/equipe/fiches/<id:pk>/", staff.entry_history, name="entry_history"),
    path("annuaire/equipe/fiches/<id:pk>/modifier/", staff.edit_entry, name="staff_edit_entry"),
]
