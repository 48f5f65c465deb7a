from django.urls import path

from maillage.reports.funding.views import (
    applications,
    expenses,
    funders,
    grants,
    open_data,
    report,
)

urlpatterns = [
    path("", funders.funder_list, name="funders"),
    path("depenses/", expenses.expenses_now, name="expenses_now"),
    path("depenses/<int:year>/", expenses.expenses, name="expenses"),
    path("donnees-ouvertes/", open_data.open_data, name="open_data"),
    path("donnees-ouvertes/subventions.csv", open_data.open_data_csv, name="open_data_csv"),
    path("donnees-ouvertes/publier/", open_data.publish_open_data, name="publish_open_data"),
    path("financeurs/nouveau/", funders.funder_create, name="funder_create"),
    path("financeurs/<id:pk>/", funders.funder_page, name="funder"),
    path("financeurs/<id:pk>/modifier/", funders.funder_edit, name="funder_edit"),
    path("financeurs/<id:pk>/logo/", funders.funder_logo, name="funder_logo"),
    path("demandes/nouvelle/", applications.application_create, name="application_create"),
    path("demandes/<id:pk>/modifier/", applications.application_edit, name="application_edit"),
    path("subventions/nouvelle/", grants.grant_create, name="grant_create"),
    path("subventions/<id:pk>/", grants.grant_page, name="grant"),
    path("subventions/<id:pk>/modifier/", grants.grant_edit, name="grant_edit"),
    path("subventions/<id:pk>/versements/", grants.add_instalment, name="add_instalment"),
    path(
        "subventions/<id:pk>/versements/<id:instalment_pk>/recu/",
        grants.instalment_received,
        name="instalment_received",
    ),
    path(
        "subventions/<id:pk>/versements/<id:instalment_pk>/modifier/",
        grants.instalment_edit,
        name="instalment_edit",
    ),
    path("subventions/<id:pk>/comptes-rendus/", grants.add_report_due, name="add_report_due"),
    path(
        "subventions/<id:pk>/comptes-rendus/<id:report_pk>/remis/",
        grants.report_sent,
        name="report_sent",
    ),
    path("subventions/<id:pk>/indicateurs/", grants.add_indicator, name="add_indicator"),
    path(
        "subventions/<id:pk>/redistributions/",
        grants.add_redistribution,
        name="add_redistribution",
    ),
    path("subventions/<id:pk>/compte-rendu/", report.grant_report, name="grant_report"),
    path("subventions/<id:pk>/compte-rendu.csv", report.grant_report_csv, name="grant_report_csv"),
    path("subventions/<id:pk>/compte-rendu.odt", report.grant_report_odt, name="grant_report_odt"),
    path(
        "subventions/<id:pk>/compte-rendu.docx", report.grant_report_docx, name="grant_report_docx"
    ),
    path("subventions/<id:pk>/compte-rendu.pdf", report.grant_report_pdf, name="grant_report_pdf"),
    path("subventions/<id:pk>/bilan/", report.save_qualitative_report, name="save_report_text"),
    path("subventions/<id:pk>/budget/", report.add_budget_line, name="add_budget_line"),
    path(
        "subventions/<id:pk>/budget/<id:line_pk>/modifier/",
        report.budget_line_edit,
        name="budget_line_edit",
    ),
]
