from maillage.reports.funding.models.expenses import ActionExpense
from maillage.reports.funding.models.funders import Application, Funder
from maillage.reports.funding.models.grants import (
    AgreementIndicator,
    BudgetLine,
    Grant,
    Instalment,
    Redistribution,
    ReportDue,
    ReportReminder,
)
from maillage.reports.funding.models.mandates import Body, Mandate, MandateReport
from maillage.reports.funding.models.publications import GrantsPublication

__all__ = [
    "ActionExpense",
    "AgreementIndicator",
    "Application",
    "Body",
    "BudgetLine",
    "Funder",
    "Grant",
    "GrantsPublication",
    "Instalment",
    "Mandate",
    "MandateReport",
    "Redistribution",
    "ReportDue",
    "ReportReminder",
]
