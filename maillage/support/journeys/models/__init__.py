from maillage.support.journeys.models.cases import (
    Appointment,
    CaseDocument,
    CaseNote,
    NextStep,
    StageChange,
    SupportCase,
)
from maillage.support.journeys.models.outcomes import Outcome
from maillage.support.journeys.models.referrals import Referral
from maillage.support.journeys.models.stages import Stage

__all__ = [
    "Appointment",
    "CaseDocument",
    "CaseNote",
    "NextStep",
    "Outcome",
    "Referral",
    "Stage",
    "StageChange",
    "SupportCase",
]
