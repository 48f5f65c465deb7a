"""The support cases' personal data, declared to the privacy registry."""

from __future__ import annotations

HOLDERS = "case__holders__email"
# Holders without an e-mail address are reached through their address book entry.
HOLDER_ROW = "case__holders"


def declare_personal_data() -> None:
    from maillage.privacy.durations import duration_text
    from maillage.privacy.registry import LegalBasis, declare_exempt, register
    from maillage.support.journeys.retention import retention_days

    retention = f"{duration_text(retention_days())} après la clôture du dossier, puis anonymisation"
    purpose = "Accompagnement d’un porteur de projet par le pôle et ses partenaires"
    recipients = "L’équipe du pôle et les partenaires associés au dossier du porteur de projet"
    register(
        "journeys.SupportCase",
        fields=("title", "description", "notes"),
        email_lookup="holders__email",
        person_lookup="holders",
        purpose=purpose,
        legal_basis=LegalBasis.CONTRACT,
        recipients=recipients,
        applied_by="purge_closed_cases",
        retention=retention,
        # The case stays, with its kind, stages and outcome, so that counts stay true.
        replacements={"title": "Dossier anonymisé"},
    )
    # The records of a case: found through its holders, kept and anonymised with it.
    case_record = {
        "email_lookup": HOLDERS,
        "person_lookup": HOLDER_ROW,
        "purpose": purpose,
        "legal_basis": LegalBasis.CONTRACT,
        "recipients": recipients,
        "applied_by": "purge_closed_cases",
        "retention": retention,
    }
    for label, fields, replacements in (
        ("journeys.Appointment", ("with_whom", "notes"), {"with_whom": "Personne effacée"}),
        ("journeys.CaseNote", ("text",), {"text": "Note effacée"}),
        ("journeys.CaseDocument", ("title", "file"), {"title": "Document effacé"}),
        ("journeys.NextStep", ("title",), {"title": "Étape effacée"}),
    ):
        register(label, fields=fields, replacements=replacements, **case_record)
    register(
        "journeys.Referral",
        fields=("message", "decline_reason", "acceptance_note", "partner_note"),
        email_lookup=HOLDERS,
        person_lookup=HOLDER_ROW,
        purpose="Orientation d’un porteur de projet vers le service d’un partenaire",
        legal_basis=LegalBasis.CONTRACT,
        recipients="L’équipe du pôle et le partenaire vers lequel le porteur de projet est orienté",
        applied_by="purge_closed_cases",
        retention=retention,
        # A declined referral keeps a reason (a database rule), without what it said.
        replacements={"decline_reason": "Motif effacé"},
    )
    declare_exempt(
        "journeys.StageChange",
        "Le compte de l’équipe qui a fait avancer un dossier : trace du travail du pôle ; le "
        "porteur de projet retrouve son dossier dans son export, et effacer le compte le rend "
        "anonyme.",
    )
