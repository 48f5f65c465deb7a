from django.db import models


class MembershipStatus(models.TextChoices):
    PENDING = "pending", "En attente de paiement"
    PAID = "paid", "Payée"
    WAIVED = "waived", "Exonérée"
    CANCELLED = "cancelled", "Annulée"

    @property
    def action_label(self) -> str:
        """The staff's button that moves a membership to this status."""
        if self is MembershipStatus.WAIVED:
            return "Exonérer de cotisation"
        if self is MembershipStatus.CANCELLED:
            return "Annuler l’adhésion"
        return "Remettre en attente de paiement"


# Statuses a membership may move to by hand; PAID is reached by recording a payment only.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    MembershipStatus.PENDING: (MembershipStatus.WAIVED, MembershipStatus.CANCELLED),
    MembershipStatus.WAIVED: (MembershipStatus.PENDING, MembershipStatus.CANCELLED),
    MembershipStatus.CANCELLED: (MembershipStatus.PENDING,),
    MembershipStatus.PAID: (MembershipStatus.CANCELLED,),
}

# A membership in good standing makes its organisation a member of the hub for that year.
GOOD_STANDING = (MembershipStatus.PAID, MembershipStatus.WAIVED)


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", "Virement"
    CHEQUE = "cheque", "Chèque"
    CASH = "cash", "Espèces"
    CARD = "card", "Carte bancaire"
    OTHER = "other", "Autre"


class MemberKind(models.TextChoices):
    """Who a college takes in: organisations of the directory, or people."""

    ORGANISATION = "organisation", "Structures"
    PERSON = "person", "Personnes"


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", "À examiner"
    ACCEPTED = "accepted", "Acceptée"
    REFUSED = "refused", "Refusée"


class BoardRole(models.TextChoices):
    """A seat on the board; every role but « membre » sits on the bureau too."""

    PRESIDENT = "president", "Président·e"
    VICE_PRESIDENT = "vice_president", "Vice-président·e"
    TREASURER = "treasurer", "Trésorier·e"
    SECRETARY = "secretary", "Secrétaire"
    MEMBER = "member", "Membre du conseil d’administration"
